# Sourced by `./run` and `tests/run.sh`: makes libclang reachable for bindgen, which RocksDB's
# bindings run at build time and which cargo cannot fetch. The system's libclang is used when
# there is one (Debian `libclang-dev`); otherwise the PyPI wheel `libclang` is installed into
# target/tools/venv, and gcc's headers stand in for clang's own.
tools_venv="${UNAKN_TOOLS:-target/tools}/venv"
if [ -z "${LIBCLANG_PATH:-}" ] && ! ldconfig -p 2>/dev/null | grep -qE 'libclang(-[0-9.]+)?\.so'; then
  if [ ! -x "$tools_venv/bin/python" ]; then
    python3 -m venv "$tools_venv"
  fi
  "$tools_venv/bin/python" -c "import clang.native" 2>/dev/null ||
    "$tools_venv/bin/python" -m pip install --quiet "libclang==18.1.1"
  LIBCLANG_PATH="$("$tools_venv/bin/python" -c 'import clang, os; print(os.path.join(os.path.dirname(clang.__file__), "native"))')"
  export LIBCLANG_PATH
  export BINDGEN_EXTRA_CLANG_ARGS="-I$(gcc -print-file-name=include) ${BINDGEN_EXTRA_CLANG_ARGS:-}"
fi
