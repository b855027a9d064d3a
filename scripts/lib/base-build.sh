# Sourced by scripts/same-bytes and scripts/paired: builds the commit $base in a worktree under
# $work (kept for the next run while it is the same commit) and the working tree, both in release
# (with $BUILD_FLAGS when set: scripts/instructions links the Swift runtime in), and sets $old and
# $new to their `pathway` binaries. Needs $base and $work.
base_tree="$work/base-tree"
rev=$(git rev-parse --verify "$base^{commit}")
if [ ! -d "$base_tree" ] || [ "$(git -C "$base_tree" rev-parse HEAD 2>/dev/null)" != "$rev" ]; then
  rm -rf "$base_tree"
  git worktree prune
  git worktree add --detach "$base_tree" "$rev" >/dev/null
fi
echo "base: $(git log --format='%h %s' -1 "$rev" | cut -c1-90)"
echo "new:  $(git log --format='%h' -1 HEAD)$(git diff --quiet HEAD || echo ' + uncommitted changes')"
(cd "$base_tree" && swift build -c release --product pathway ${BUILD_FLAGS:-} >/dev/null)
swift build -c release --product pathway ${BUILD_FLAGS:-} >/dev/null
old="$base_tree/$(cd "$base_tree" && swift build -c release --show-bin-path | sed "s|^$base_tree/||")/pathway"
new="$(swift build -c release --show-bin-path)/pathway"
