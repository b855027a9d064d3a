import PathwayMachinery
import PathwayLaw
/// The mappings Pathway ships, printable as a starting point (`pathway import csv
/// --print-mapping NAME`); `Docs/import.md` says what each source cannot record.
public enum BuiltInMappings {
    public static let names = ["pilotage", "rdv-insertion-users", "rdv-insertion-participations"]

    /// The JSON text of a built-in mapping.
    public static func text(_ name: String) -> String? {
        switch name {
        case "pilotage": return pilotage
        case "rdv-insertion-users": return rdvInsertionUsers
        case "rdv-insertion-participations": return rdvInsertionParticipations
        default: return nil
        }
    }

    package static let dominantes = #"""
        "social": "social", "remobilisation": "social", "remobilisation sociale": "social", "sociale": "social",
              "socio-professionnel": "socio_pro", "socio professionnel": "socio_pro", "socioprofessionnel": "socio_pro",
              "socio-professionnelle": "socio_pro", "socio_pro": "socio_pro", "sociopro": "socio_pro",
              "equilibre": "socio_pro", "equilibree": "socio_pro",
              "professionnel": "emploi", "professionnelle": "emploi", "pro": "emploi", "emploi": "emploi"
        """#

    package static let organismes = #"""
        "patterns": [["france travail", "france_travail"], ["pole emploi", "france_travail"], ["ft ", "france_travail"],
                           ["mission locale", "mission_locale"], ["cap emploi", "cap_emploi"],
                           ["ccas", "delegataire"], ["association", "delegataire"], ["delegataire", "delegataire"]],
              "default": "departement"
        """#

    public static let pilotage = #"""
    {
      "source": "pilotage",
      "description": "Base de pilotage envoyée par le département à France Travail : une ligne par personne. Ne porte ni inscription, ni diagnostic, ni durée hebdomadaire, ni activité, ni sanction.",
      "person": {"matricule": "ID_CAF", "role": "ROLE_CAF"},
      "events": [
        {"type": "right_opened", "date": "DATE_NOTIFICATION_DEPARTEMENT"},
        {"type": "orientation_decided", "date": "DATE_ORIENTATION",
         "fields": {
           "dominante": {"column": "C_TYPEPARCOURS", "map": {\#(dominantes)}},
           "organisme": {"column": "STRUCTURE_REFERENTE", \#(organismes)}
         }},
        {"type": "appointment", "date": "DATE_1ER_RDV_ACCOMPAGNEMENT",
         "fields": {"purpose": {"value": "accompaniment"}, "status": {"value": "attended"}}},
        {"type": "contract_signed", "date": "DATE_CER"}
      ]
    }
    """#

    public static let rdvInsertionUsers = #"""
    {
      "source": "rdv-insertion",
      "description": "Export des usagers de rdv-insertion : une ligne par personne. Porte l'orientation (sa date de début d'accompagnement, sa dominante, sa structure) et le premier rendez-vous d'orientation honoré (« Date d'orientation »), pas l'ouverture du droit ni le contrat.",
      "person": {"matricule": "Numéro CAF", "role": "Rôle"},
      "events": [
        {"type": "orientation_decided", "date": "Date de début d'accompagnement",
         "fields": {
           "dominante": {"column": "Type d'orientation", "map": {\#(dominantes)}},
           "organisme": {"column": "Structure d'orientation", \#(organismes)}
         }},
        {"type": "appointment", "date": "Date d'orientation",
         "fields": {"purpose": {"value": "orientation"}, "status": {"value": "attended"}}}
      ]
    }
    """#

    public static let rdvInsertionParticipations = #"""
    {
      "source": "rdv-insertion",
      "description": "Export des participations de rdv-insertion : une ligne par rendez-vous. Un statut qui n'est pas un fait (RDV à venir, non déterminé, à préciser, annulé par le service) ne donne pas d'événement.",
      "person": {"matricule": "Numéro CAF", "role": "Rôle"},
      "events": [
        {"type": "appointment", "date": "Date du RDV",
         "fields": {
           "purpose": {"column": "Motif du RDV",
                       "patterns": [["orientation", "orientation"], ["accompagnement", "accompaniment"], ["suivi", "accompaniment"],
                                    ["signature", "contract"], ["contrat", "contract"], ["cer", "contract"], ["diagnostic", "diagnostic"],
                                    ["audition", "hearing"], ["sanction", "hearing"]],
                       "default": "other"},
           "status": {"column": "Statut du rdv",
                      "map": {"rendez-vous honore": "attended", "rdv honore": "attended", "honore": "attended",
                              "absence non excusee": "missed", "absence excusee": "excused", "annule (excuse)": "excused",
                              "annule (par le service)": null, "non determine": null, "rdv a venir": null,
                              "statut du rdv a preciser": null}}
         }}
      ]
    }
    """#
}
