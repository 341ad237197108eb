"""What the booking tests read in a built page, in every layer that has them
(tests/site/, tests/projects/test_booking.py): the contact block, the
clinic's structured data, and the text search holds for a section."""

from __future__ import annotations

import json


def contact_block(soup):
    return soup.select_one("article .clinic-contact")


def clinic_data(soup):
    blocks = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    [clinic] = [b for b in blocks if b["@type"] == "MedicalClinic"]
    return clinic


def indexed_text(site, location: str) -> str:
    """The text Material's search holds for one section, as the browser loads it."""
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    [doc] = [doc for doc in docs if doc["location"] == location]
    return doc["text"]
