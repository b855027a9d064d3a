#!/usr/bin/env python3
"""A case-management system, written in Python, embedding Pathway through `pathway serve --stdio`.

It feeds a beneficiary's events, asks Pathway what a planned contract would break before
recording it, then asks for the person's state and the week's deadlines.

    python3 Examples/embedding/caseworker.py [path/to/pathway]

Prints what it learned and exits 0; exits 1 if an answer is not the one expected (the
project's tests run it).
"""
import json
import subprocess
import sys

pathway = sys.argv[1] if len(sys.argv) > 1 else "pathway"
server = subprocess.Popen([pathway, "serve", "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def ask(request):
    """Sends one request (a dict) and returns Pathway's answer (a dict)."""
    server.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
    server.stdin.flush()
    return json.loads(server.stdout.readline())


def expect(condition, what):
    if not condition:
        print("unexpected:", what)
        sys.exit(1)


# 1. The beneficiary's history, as the caseworker's software records it.
history = [
    {"id": "e1", "person": "P042", "type": "right_opened", "date": "2025-03-03", "monthly_amount": 646.52},
    {"id": "e2", "person": "P042", "type": "registered", "date": "2025-03-03"},
    {"id": "e3", "person": "P042", "type": "orientation_decided", "date": "2025-04-10",
     "dominante": "emploi", "organisme": "france_travail", "notified": "2025-04-11"},
    {"id": "e4", "person": "P042", "type": "diagnostic_completed", "date": "2025-04-22"},
]
for event in history:
    answer = ask({"op": "event", "event": event})
    expect(answer["ok"], answer)

# 2. A typing error is refused with the field at fault: a stable code, and the reason in French.
answer = ask({"op": "event", "event": {"id": "e5", "person": "P042", "type": "contract_signed",
                                       "date": "2025-05-06", "weekly_hours": "15"}})
expect(not answer["ok"] and answer["code"] == "not_number" and answer["error"].startswith("« weekly_hours »"), answer)
print("refused:", answer["error"])

# 3. Before recording a 12-hour contract on 2025-05-16, ask what it would break.
planned = {"id": "e5", "person": "P042", "type": "contract_signed", "date": "2025-05-16", "weekly_hours": 12}
answer = ask({"op": "check", "event": planned})
rules = sorted(f["rule"] for f in answer["findings"])
expect(answer["ok"] and rules == ["contract.deadline", "contract.reduced_hours"], answer)
for finding in answer["findings"]:
    print("would break:", finding["rule"], "-", finding["message"])

# 4. The caseworker signs on time, with 15 hours, instead.
answer = ask({"op": "event", "event": {**planned, "date": "2025-05-09", "weekly_hours": 15}})
expect(answer["ok"], answer)

# 5. The person's state and the week's deadlines.
state = ask({"op": "state", "person": "P042", "as_of": "2025-05-12"})
expect(state["ok"] and state["person"]["state"] == "engaged" and state["findings"] == [], state)
print("state on 2025-05-12:", state["person"]["state"], "- contract of", state["person"]["contract"]["weekly_hours"], "h")

due = ask({"op": "due", "as_of": "2025-04-01", "within": 30})
expect(due["ok"] and [i["rule"] for i in due["items"]] == ["orientation.deadline"], due)
print("due from 2025-04-01:", [(i["person"], i["rule"], i["due"]) for i in due["items"]])

server.stdin.close()
expect(server.wait() == 0, "pathway serve exited with an error")
print("ok")
