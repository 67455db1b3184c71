"""Writes Tests/Fixtures/embeddings-tokenizer-cases.json: inputs and the ids Hugging Face tokenizers gives them
with all-MiniLM-L6-v2's tokenizer.json, for MoltEmbeddings' tokenizer tests.

    PYTHONPATH=.moltnet/bench-python python3 bench/embeddings/make_tokenizer_cases.py MODEL_DIR OUT.json

The inputs are hand-picked edge cases plus seeded random strings drawn from many character classes
(accents, combining marks, CJK, Hangul, emoji, controls, zero-width and exotic spaces, punctuation and
symbols, literal special tokens). The output is deterministic.
"""

import json
import random
import sys

from tokenizers import Tokenizer

HAND_PICKED = [
    "",
    " ",
    "\t\n\r ",
    "hello",
    "Hello, World!",
    "HELLO world",
    "café naïve façade résumé jalapeño",
    "Crème Brûlée À LA CARTE",
    "Ångström Øresund Łódź",
    "straße STRASSE",
    "İstanbul ıi",
    "ΣΟΦΟΣ σοφός",
    "Москва ПРИВЕТ",
    "東京都 中文 汉字",
    "日本語のテキスト",
    "한국어 텍스트",
    "emoji 🙂🚀👍🏽 end",
    "👨‍👩‍👧 family",
    "flags 🇫🇷🇯🇵",
    "x\u0000y\u0001z\u007f",
    "zero\u200bwidth\u200cjoin\u200d\ufeffbom",
    "nbsp\u00a0thin\u2009ideographic\u3000space\u2028line",
    "e\u0301 combining a\u0308 o\u0302",
    "private \ue000 use",
    "unassigned \u0378 here",
    "replacement \ufffd char",
    "$100 + 5% = ^_^ | ~tilde~ `code` <tag>",
    "«quotes» “curly” ‘single’ — dash – en … ellipsis",
    "¿Qué? ¡Sí! ¶ § † ‡ • · ※",
    "math ∑ ∫ √ ≈ ≠ ≤ ≥ ∞ ± × ÷",
    "currency € £ ¥ ₹ ₿",
    "[CLS] [SEP] [MASK] [PAD] [UNK]",
    "a[MASK]b [cls] [Sep] [MASK",
    "unaffable unbelievable antidisestablishmentarianism",
    "x" * 100,
    "x" * 101,
    "é" * 100,
    "é" * 101,
    "a" * 99 + "é",
    "C++ C# .NET node.js e-mail foo_bar foo-bar",
    "URL https://example.org/path?q=1&r=2#frag",
    "3.14159 1,000,000 10:30pm 2026-11-24",
    "tab\there\u00a0nbsp\u200bzw",
    "ǅ ǈ ǋ ǲ ﬁ ﬂ ß ẞ",
    "Ⅻ ① ² ½ ™ ℃",
    "ＦＵＬＬＷＩＤＴＨ　ｔｅｘｔ",
    "ﾊﾝｶｸ half-width katakana",
    "मराठी हिन्दी",
    "العربية עברית",
    "ไทย ภาษา",
    "\U0002b820 \U0002b920 \U00020000 \U0002a700",
]

POOLS = [
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "0123456789",
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
    "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝßøØæÆœŒ",
    "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΣΩ",
    "абвгдежзийклмнопрстуфхцчшщыэюяАБВГД",
    "東京中文汉字日本語学生大学",
    "ひらがなカタカナ",
    "한국어텍스트",
    "🙂🚀👍🏽❤️🎉",
    "\u0301\u0308\u0302\u0327\u0323",
    "\u0000\u0001\u0007\u001b\u007f\u0085\u200b\u200c\u200d\ufeff\u00ad",
    " \t\n\r\u00a0\u2009\u3000\u2028\u1680",
    "«»“”‘’—–…¿¡§¶•€£¥₹∑√≈",
    "\ue000\u0378\ufffd",
]


def random_text(rng):
    parts = []
    for _ in range(rng.randint(1, 12)):
        pool = rng.choice(POOLS)
        parts.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 8))))
        parts.append(rng.choice([" ", "", "", "-", ". "]))
    return "".join(parts)


def main(model_dir, out_path):
    tokenizer = Tokenizer.from_file(f"{model_dir}/tokenizer.json")
    tokenizer.no_padding()
    tokenizer.no_truncation()
    rng = random.Random(20261124)
    inputs = HAND_PICKED + [random_text(rng) for _ in range(300)]
    cases = [{"text": text, "ids": tokenizer.encode(text).ids} for text in inputs]

    long_text = " ".join(["memory"] * 300 + ["search"] * 10)
    tokenizer.enable_truncation(max_length=256)
    truncated = {"text": long_text, "max_tokens": 256, "ids": tokenizer.encode(long_text).ids}

    with open(out_path, "w", encoding="utf-8") as out:
        json.dump({"tokenizer": "all-MiniLM-L6-v2 tokenizer.json via Hugging Face tokenizers",
                   "cases": cases, "truncation": truncated}, out, ensure_ascii=True, indent=0)
        out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
