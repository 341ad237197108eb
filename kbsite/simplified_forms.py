"""Simplified Chinese typed into a Traditional Chinese edition's search.

Many Chinese readers in the US type Simplified characters (药物, 医生),
while the edition is written in Traditional ones (藥物, 醫生). After the
build, for an index with Chinese text, this lists each Simplified form of a
character the index holds, with that character: OpenCC's Traditional-to-
Simplified table, read at build time, over the index's own characters only.
search.js turns a query's Simplified characters into the index's before it
searches, so 药物 finds what 藥物 finds.

Why a map of characters, not Simplified copies of the index's words: the
map is a few hundred pairs (about 1 KB in the index), where copies of every
word would add a second Chinese index; and it needs no Chinese in the
browser beyond the index's own characters.

Where two Traditional characters have one Simplified form (發 and 髮 are
both 发), the one the index uses more often wins.
"""

from __future__ import annotations

import re
from collections import Counter

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def simplified_forms(index: dict) -> str:
    """'简繁简繁…': each Simplified character followed by the index's
    Traditional one; empty for an index without Chinese (or one already
    written in Simplified characters)."""
    counts = Counter()
    for doc in index.get("docs", []):
        # The page's keywords (tags) too: 上癮 was only a keyword of Safety's,
        # so Simplified 上瘾 found nothing (#35).
        counts.update(_HAN.findall(doc.get("title", "") + doc.get("text", "") + " ".join(doc.get("tags") or [])))
    # And the vocabulary's words, which search adds to a query.
    for entry in (index.get("config") or {}).get("vocabulary") or []:
        counts.update(_HAN.findall(str(entry)))
    if not counts:
        return ""
    import opencc   # only editions with Chinese text need it (requirements.in)

    to_simplified = opencc.OpenCC("t2s")
    best: dict[str, str] = {}
    for char, _ in counts.most_common():   # most used first: it keeps a shared Simplified form
        simple = to_simplified.convert(char)
        if simple != char and len(simple) == 1 and simple not in best and simple not in counts:
            best[simple] = char
    return "".join(s + t for s, t in sorted(best.items()))
