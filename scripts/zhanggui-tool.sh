# Sourced by the scripts: sets $zhanggui to the tool to run. $ZHANGGUI when set, else `zhanggui` on the PATH, else
# the repository's release build, else its debug build.
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ -n "${ZHANGGUI:-}" ]; then
    zhanggui=$ZHANGGUI
elif command -v zhanggui >/dev/null 2>&1; then
    zhanggui=$(command -v zhanggui)
elif [ -x "$repo_root/.build/release/zhanggui" ]; then
    zhanggui=$repo_root/.build/release/zhanggui
elif [ -x "$repo_root/.build/debug/zhanggui" ]; then
    zhanggui=$repo_root/.build/debug/zhanggui
else
    echo "$(basename "$0"): no zhanggui tool found (build it, put it on the PATH, or set ZHANGGUI)" >&2
    exit 1
fi

# is_postgres SETTING: whether the database setting is a PostgreSQL URL rather than an SQLite path.
is_postgres() {
    case "$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]')" in
        postgres://* | postgresql://*) return 0 ;;
        *) return 1 ;;
    esac
}
