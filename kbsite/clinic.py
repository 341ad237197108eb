"""The clinic's details, from `extra.clinic` in mkdocs.yml.

Only `name` is required. Every other field is optional and renders only
when set, so the site never shows an empty link, "None" or a placeholder.
validate() checks every field's form against ClinicDetails, a schema of
MkDocs config_options (the build and `make check` run it; messages name
the field and the expected form); hours_text() writes opening
hours in words for the contact block (partials/clinic-contact.html).
Templates make tel: links themselves (partials/clinic.html).
"""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c

DAYS = {"Mo": "Monday", "Tu": "Tuesday", "We": "Wednesday", "Th": "Thursday",
        "Fr": "Friday", "Sa": "Saturday", "Su": "Sunday"}
_DAY = "(?:" + "|".join(DAYS) + ")"
_HOURS = re.compile(rf"^(?P<days>{_DAY}(?:-{_DAY})?(?:,{_DAY}(?:-{_DAY})?)*) "
                    r"(?P<opens>(?:[01]\d|2[0-3]):[0-5]\d)-(?P<closes>(?:[01]\d|2[0-3]):[0-5]\d)$")
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[a-z]{2,}$", re.I)

# schema.org's MedicalSpecialty values (https://schema.org/MedicalSpecialty).
SPECIALTIES = {
    "Anesthesia", "Cardiovascular", "CommunityHealth", "Dentistry", "Dermatology", "DietNutrition",
    "Emergency", "Endocrine", "Gastroenterologic", "Genetic", "Geriatric", "Gynecologic",
    "Hematologic", "Infectious", "LaboratoryScience", "Midwifery", "Musculoskeletal", "Neurologic",
    "Nursing", "Obstetric", "Oncologic", "Optometric", "Otolaryngologic", "Pathology", "Pediatric",
    "PharmacySpecialty", "Physiotherapy", "PlasticSurgery", "Podiatric", "PrimaryCare", "Psychiatric",
    "PublicHealth", "Pulmonary", "Radiography", "Renal", "RespiratoryTherapy", "Rheumatologic",
    "SpeechPathology", "Surgical", "Toxicologic", "Urologic",
}

FIELDS = {
    "name": "the clinic's name, e.g. `name: Avid Sports Medicine` (required)",
    "area_served": "text, e.g. `area_served: San Francisco and the Bay Area`",
    "website": "an https:// address",
    "website_languages": "the language codes the clinic's website and booking are in, e.g. `website_languages: [en]`: "
                         "the other editions' booking button says so",
    "booking_url": "the https:// address of the clinic's online scheduler",
    "pricing_url": "the https:// address of the clinic's page of prices",
    "feedback_url": "the https:// address of a form where readers can report a mistake without an account",
    "phone": "a US number with area code, e.g. `phone: (415) 555-0100`, or +<country code><number>",
    "email": "an email address, e.g. `email: appointments@example.com`",
    "address": "a mapping with street, city, region and postal_code, e.g. `address: {street: 1 Main St, "
               "city: San Francisco, region: CA, postal_code: '94105'}`",
    "hours": "a list in schema.org form, e.g. `hours: [\"Mo-Fr 09:00-17:00\", \"Sa 10:00-14:00\"]`",
    "medical_specialty": f"a list of schema.org MedicalSpecialty values: {', '.join(sorted(SPECIALTIES))}",
}
ADDRESS_FIELDS = ("street", "city", "region", "postal_code")


def _time(value: str) -> str:
    hours, minutes = map(int, value.split(":"))
    suffix = "am" if hours < 12 else "pm"
    return f"{(hours % 12) or 12}:{minutes:02d} {suffix}"


def hours_text(spec: str, translate=lambda text: text) -> str:
    """'Mo-Fr 09:00-17:00' -> 'Monday to Friday: 9:00 am to 5:00 pm', with
    the words in the build's language (`translate`, kbsite.editions)."""
    match = _HOURS.match(spec)
    to = f" {translate('to')} "
    days = ", ".join(to.join(translate(DAYS[d]) for d in part.split("-")) for part in match["days"].split(","))
    return f"{days}: {_time(match['opens'])}{to}{_time(match['closes'])}"


class _Invalid(c.ValidationError):
    """A value that is not of its field's form; `got` is what the message
    quotes (the whole value, or the one entry of a list that is wrong)."""

    def __init__(self, got):
        super().__init__(repr(got))
        self.got = got


class _Text(c.BaseConfigOption):
    def run_validation(self, value: object) -> str:
        if not (isinstance(value, str) and value.strip()):
            raise _Invalid(value)
        return value


class _HttpsAddress(c.BaseConfigOption):
    def run_validation(self, value: object) -> str:
        if not (isinstance(value, str) and re.match(r"^https://[^\s/]+\.[^\s]+$", value)):
            raise _Invalid(value)
        return value


class _Phone(c.BaseConfigOption):
    """A US number (10 digits, or 11 starting with 1) or +<country code><number>."""

    def run_validation(self, value: object) -> str:
        digits = re.sub(r"\D", "", value) if isinstance(value, str) else ""
        valid_us = len(digits) == 10 or (len(digits) == 11 and digits.startswith("1"))
        valid_intl = isinstance(value, str) and value.strip().startswith("+") and 8 <= len(digits) <= 15
        if not (isinstance(value, str) and re.fullmatch(r"[\d\s()+.-]+", value) and (valid_us or valid_intl)):
            raise _Invalid(value)
        return value


class _Email(c.BaseConfigOption):
    def run_validation(self, value: object) -> str:
        if not (isinstance(value, str) and _EMAIL.match(value)):
            raise _Invalid(value)
        return value


class _Address(c.BaseConfigOption):
    def run_validation(self, value: object) -> dict:
        if not (isinstance(value, dict) and set(value) <= set(ADDRESS_FIELDS)
                and all(isinstance(value.get(k), str) and value[k].strip() for k in ADDRESS_FIELDS)):
            raise _Invalid(value)
        return value


class _Hours(c.BaseConfigOption):
    """schema.org opening hours; "00:00" closing means midnight, otherwise a
    day closes after it opens."""

    def run_validation(self, value: object) -> list:
        if not (isinstance(value, list) and value and all(isinstance(h, str) and _HOURS.match(h) for h in value)):
            raise _Invalid(value)
        for spec in value:
            match = _HOURS.match(spec)
            if match["closes"] != "00:00" and match["closes"] <= match["opens"]:
                raise _Invalid(spec)
        return value


class _Specialties(c.BaseConfigOption):
    def run_validation(self, value: object) -> list:
        if not (isinstance(value, list) and value and all(s in SPECIALTIES for s in value)):
            raise _Invalid(value)
        return value


class _LanguageCodes(c.BaseConfigOption):
    def run_validation(self, value):
        if not (isinstance(value, list) and value
                and all(isinstance(v, str) and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]+)*", v) for v in value)):
            raise _Invalid(value)
        return value


class ClinicDetails(base.Config):
    """extra.clinic, as MkDocs config_options (as kbsite/front_matter.py
    declares a page's front matter); each field's expected form, the fix a
    message gives, is in FIELDS."""
    name = _Text()
    area_served = c.Optional(_Text())
    website = c.Optional(_HttpsAddress())
    website_languages = c.Optional(_LanguageCodes())
    booking_url = c.Optional(_HttpsAddress())
    pricing_url = c.Optional(_HttpsAddress())
    feedback_url = c.Optional(_HttpsAddress())
    phone = c.Optional(_Phone())
    email = c.Optional(_Email())
    address = c.Optional(_Address())
    hours = c.Optional(_Hours())
    medical_specialty = c.Optional(_Specialties())


assert [key for key, _ in ClinicDetails._schema] == list(FIELDS), "every field has its expected form in FIELDS"


def validate(clinic) -> list[str]:
    """One message per problem in extra.clinic; [] when valid. Each field is
    checked on its own, so every problem is reported at once."""
    if not isinstance(clinic, dict):
        return [f"mkdocs.yml: extra.clinic is {clinic!r}. Expected a mapping of the fields: {', '.join(FIELDS)}."]
    errors = [f"mkdocs.yml: extra.clinic.{key} is not a known field (a typo?). Expected one of: {', '.join(FIELDS)}."
              for key in clinic if key not in FIELDS]
    for key, option in ClinicDetails._schema:
        try:
            option.validate(clinic.get(key))
        except c.ValidationError as error:
            got = error.got if isinstance(error, _Invalid) else clinic.get(key)
            errors.append(f"mkdocs.yml: extra.clinic.{key} is {got!r}. Expected {FIELDS[key]}.")
    return errors
