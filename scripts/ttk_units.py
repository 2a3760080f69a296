#!/usr/bin/env python3
"""Reads an XLIFF or TMX file with translate-toolkit and prints its units as JSON.

    python3 scripts/ttk_units.py FILE.xlf|FILE.tmx [--source-lang de --target-lang en]
    python3 scripts/ttk_units.py --convert po2xliff|po2tmx -- CONVERTER-ARGUMENTS...

Output: {"source_language", "target_language", "units": [{"id", "source", "target"}]}, the
units being translate-toolkit's (header units left out), so that the tests can compare what a
widely used reader sees in bitext's output with what bitext wrote. Exit 3 when translate-toolkit
is not installed (the tests tell this from a failure of the file).
"""

import argparse
import json
import sys

try:
    from translate.storage import factory, tmx, xliff, xliff2
except ImportError:
    print("translate-toolkit is not installed (python3 -m pip install translate-toolkit)",
          file=sys.stderr)
    sys.exit(3)


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--convert":
        # translate-toolkit's own converters, as its po2xliff and po2tmx commands run them.
        from translate.convert import po2tmx, po2xliff
        converter = {"po2xliff": po2xliff, "po2tmx": po2tmx}[sys.argv[2]]
        arguments = [a for a in sys.argv[3:] if a != "--"]
        try:
            converter.main(arguments)
        except SystemExit as status:
            if status.code:
                raise
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--source-lang", default="de")
    parser.add_argument("--target-lang", default="en")
    arguments = parser.parse_args()
    with open(arguments.path, "rb") as handle:
        if arguments.path.endswith(".tmx"):
            store = tmx.tmxfile(handle, sourcelanguage=arguments.source_lang,
                                targetlanguage=arguments.target_lang)
        elif arguments.path.endswith((".xlf", ".xliff")):
            data = handle.read()
            version_2 = b'version="2.' in data[:1000]
            store = (xliff2.Xliff2File if version_2 else xliff.xlifffile).parsestring(data)
        else:
            store = factory.getobject(handle)
    units = []
    for unit in store.units:
        if unit.isheader():
            continue
        units.append({
            # XLIFF ids are "original\x04id" in translate-toolkit: the unit's own id is the last.
            "id": unit.getid().split("\x04")[-1],
            "source": unit.source,
            "target": unit.target if unit.target else None,
        })
    print(json.dumps({
        "source_language": store.getsourcelanguage(),
        "target_language": store.gettargetlanguage(),
        "units": units,
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
