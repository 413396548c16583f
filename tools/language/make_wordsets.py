#!/usr/bin/python3
"""Builds src/SigmaNex.Core/Resources/language/words.bin: per language, a Bloom filter of its words.

NgramLanguageDetector uses these filters as word-level evidence for short texts (2-8 words), where
the character n-gram profiles are too thin. Only hashes ship, never the word lists.

Sources (Debian packages, needed only to run this script; licences in NOTICE next to the output):
  * /usr/share/dict/<list>  full-form word lists (wamerican, wbritish, wngerman, wfrench, witalian,
    wspanish, wdutch, wportuguese, wbrazilian, wdanish, wswedish, wpolish, wukrainian);
  * /usr/share/hunspell/<xx>.dic  hunspell stems (the part before '/'), for every language that has
    one; for cs, ro and ru (no full-form list in Debian) also the forms that hunspell-tools' `unmunch`
    expands from the .dic and .aff files. Hungarian's and Turkish's affix files do not expand with
    unmunch (it yields only the stems, or crashes), so hu and tr have stems only;
  * /usr/share/dictd/freedict-fin-eng.index  the headwords of FreeDict's Finnish-English dictionary
    (no Finnish hunspell or word list is packaged in Debian), so fi has lemmas only;
  * Resources/language/words.txt  SIGMA-NEX's own frequent words.

Folding, the same as NgramLanguageDetector's: a word is a run of letters (and combining marks after
a letter); each UTF-16 char is lower-cased on its own (C#'s char.ToLowerInvariant; 'İ' -> 'i').
Words of one letter are skipped. For Latin-script languages the form without diacritics is added too
("piqure" for "piqûre"; also ß->ss, ł->l, ø->o, æ->ae, œ->oe, đ->d), as people often type queries
that way. Stems come first, then full forms, each shortest first, up to CAP words per language.

Filter: m = BITS_PER_WORD * n bits (rounded up to 64), k = HASHES; hash = FNV-1a 64 over the word's
UTF-16 code units (one 16-bit step per char: h ^= c; h *= 0x100000001b3); h1 = low 32 bits,
h2 = (high 32 bits) | 1; bit i = (h1 + i * h2) mod 2^32 mod m, for i in 0..k-1.

File (little-endian): b"SNWB", u8 version=1, u8 language count, then per language: 2 ASCII bytes of
code, u8 k, u8 0, u32 word count, u32 m (bits), then m / 8 bytes (bit j is byte j >> 3, bit j & 7).

Usage: /usr/bin/python3 tools/language/make_wordsets.py [output-file]
"""
import os
import struct
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(ROOT, "src", "SigmaNex.Core", "Resources", "language", "words.bin")
FREQUENT = os.path.join(ROOT, "src", "SigmaNex.Core", "Resources", "language", "words.txt")
CACHE = "/tmp/sigma-wordsets"

CAP = 160_000
BITS_PER_WORD = 8
HASHES = 6

D = "/usr/share/dict/"
H = "/usr/share/hunspell/"
# lang: (full-form lists, hunspell dictionaries for stems, hunspell dictionaries to unmunch)
SOURCES = {
    "cs": ([], ["cs_CZ"], ["cs_CZ"]),
    "da": ([D + "danish"], ["da_DK"], []),
    "de": ([D + "ngerman"], ["de_DE"], []),
    "en": ([D + "american-english", D + "british-english"], ["en_US"], []),
    "es": ([D + "spanish"], ["es_ES"], []),
    "fi": (["dictd:/usr/share/dictd/freedict-fin-eng.index"], [], []),
    "fr": ([D + "french"], ["fr"], []),
    "hu": ([], ["hu_HU"], []),
    "it": ([D + "italian"], ["it_IT"], []),
    "nl": ([D + "dutch"], ["nl"], []),
    "pl": ([D + "polish"], ["pl_PL"], []),
    "pt": ([D + "portuguese", D + "brazilian"], ["pt_PT", "pt_BR"], []),
    "ro": ([], ["ro_RO"], ["ro_RO"]),
    "ru": ([], ["ru_RU"], ["ru_RU"]),
    "sv": ([D + "swedish"], ["sv_SE"], []),
    "tr": ([], ["tr_TR"], []),
    "uk": ([D + "ukrainian"], ["uk_UA"], []),
}
LATIN = {"cs", "da", "de", "en", "es", "fi", "fr", "hu", "it", "nl", "pl", "pt", "ro", "sv", "tr"}
EXTRA_FOLDS = {"ß": "ss", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ı": "i"}


def lower_char(c):
    if c == "\u0130":
        return "i"
    low = c.lower()
    return low if len(low) == 1 else c


def words_of(text):
    """Splits text into folded words as NgramLanguageDetector.Normalise does."""
    out, cur = [], []
    for c in text:
        cat = unicodedata.category(c)
        if cat[0] == "L" or (cat in ("Mn", "Mc") and cur):
            cur.append(lower_char(c))
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return [w for w in out if len(w) >= 2 and all(ord(c) < 0x10000 for c in w)]


def strip_marks(word):
    s = "".join(EXTRA_FOLDS.get(c, c) for c in word)
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", s)


def read_lines(path):
    if path.startswith("dictd:"):
        with open(path[6:], encoding="utf-8", errors="replace") as f:
            for line in f:
                head = line.split("\t")[0]
                if not head.startswith("00database"):
                    yield head
        return
    with open(path, encoding="utf-8", errors="replace") as f:
        yield from (line.rstrip("\n") for line in f)


def stems(name):
    lines = read_lines(H + name + ".dic")
    next(lines, None)  # the word count
    for line in lines:
        yield line.split("/")[0].split("\t")[0]


def unmunched(name):
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, name + ".txt")
    if not os.path.exists(path):
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            subprocess.run(["unmunch", H + name + ".dic", H + name + ".aff"], stdout=out,
                           stderr=subprocess.DEVNULL, check=True)
        os.replace(path + ".tmp", path)
    return read_lines(path)


def frequent():
    result = {}
    with open(FREQUENT, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                lang, ws = line.rstrip("\n").split("\t")
                result[lang] = ws.split()
    return result


def collect(lang, freq):
    lists, stem_dics, munch_dics = SOURCES[lang]
    first, second = set(), set()
    for w in freq.get(lang, []):
        first.update(words_of(w))
    for name in stem_dics:
        for line in stems(name):
            first.update(words_of(line))
    for path in lists:
        for line in read_lines(path):
            second.update(words_of(line))
    for name in munch_dics:
        for line in unmunched(name):
            second.update(words_of(line.split("/")[0]))
    if lang in LATIN:
        first |= {strip_marks(w) for w in first}
        second |= {strip_marks(w) for w in second}
    second -= first
    ordered = sorted(first, key=lambda w: (len(w), w)) + sorted(second, key=lambda w: (len(w), w))
    return ordered[:CAP], len(first) + len(second)


def fnv(word):
    h = 0xCBF29CE484222325
    for c in word:
        h ^= ord(c)
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def bloom(words):
    m = max(64, (BITS_PER_WORD * len(words) + 63) // 64 * 64)
    bits = bytearray(m // 8)
    for w in words:
        h = fnv(w)
        h1, h2 = h & 0xFFFFFFFF, (h >> 32) | 1
        for i in range(HASHES):
            j = ((h1 + i * h2) & 0xFFFFFFFF) % m
            bits[j >> 3] |= 1 << (j & 7)
    return m, bytes(bits)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    freq = frequent()
    blob = bytearray(b"SNWB" + bytes([1, len(SOURCES)]))
    for lang in sorted(SOURCES):
        words, available = collect(lang, freq)
        m, bits = bloom(words)
        blob += lang.encode("ascii") + bytes([HASHES, 0]) + struct.pack("<II", len(words), m) + bits
        print(f"{lang}: {len(words)} of {available} words, {len(bits)} bytes", file=sys.stderr)
    with open(out, "wb") as f:
        f.write(blob)
    print(f"wrote {out}: {len(blob)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
