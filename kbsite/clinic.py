"""The clinic's details, from `extra.clinic` in mkdocs.yml.

Only `name` is required. Every other field is optional and renders only
when set, so the site never shows an empty link, "None" or a placeholder.
validate() checks every field's form (the build and `make check` run it;
messages name the field and the expected form); hours_text() writes opening
hours in words for the contact block (partials/clinic-contact.html).
Templates make tel: links themselves (partials/clinic.html).
"""

from __future__ import annotations

import re

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


def validate(clinic) -> list[str]:
    """One message per problem in extra.clinic; [] when valid."""
    errors = []

    def fail(field: str, got) -> None:
        errors.append(f"mkdocs.yml: extra.clinic.{field} is {got!r}. Expected {FIELDS.get(field) or field}.")

    if not isinstance(clinic, dict):
        return [f"mkdocs.yml: extra.clinic is {clinic!r}. Expected a mapping of the fields: {', '.join(FIELDS)}."]
    for key in clinic:
        if key not in FIELDS:
            errors.append(f"mkdocs.yml: extra.clinic.{key} is not a known field (a typo?). "
                          f"Expected one of: {', '.join(FIELDS)}.")
    if not isinstance(clinic.get("name"), str) or not clinic["name"].strip():
        fail("name", clinic.get("name"))
    for key in ("area_served",):
        if key in clinic and not (isinstance(clinic[key], str) and clinic[key].strip()):
            fail(key, clinic[key])
    for key in ("website", "booking_url", "pricing_url", "feedback_url"):
        if key in clinic and not (isinstance(clinic[key], str) and re.match(r"^https://[^\s/]+\.[^\s]+$", clinic[key])):
            fail(key, clinic[key])
    if "phone" in clinic:
        phone = clinic["phone"]
        digits = re.sub(r"\D", "", phone) if isinstance(phone, str) else ""
        valid_us = len(digits) == 10 or (len(digits) == 11 and digits.startswith("1"))
        valid_intl = isinstance(phone, str) and phone.strip().startswith("+") and 8 <= len(digits) <= 15
        if not (isinstance(phone, str) and re.fullmatch(r"[\d\s()+.-]+", phone) and (valid_us or valid_intl)):
            fail("phone", phone)
    if "email" in clinic and not (isinstance(clinic["email"], str) and _EMAIL.match(clinic["email"])):
        fail("email", clinic["email"])
    if "address" in clinic:
        address = clinic["address"]
        if not (isinstance(address, dict) and set(address) <= set(ADDRESS_FIELDS)
                and all(isinstance(address.get(k), str) and address[k].strip() for k in ADDRESS_FIELDS)):
            fail("address", address)
    if "hours" in clinic:
        hours = clinic["hours"]
        if not (isinstance(hours, list) and hours and all(isinstance(h, str) and _HOURS.match(h) for h in hours)):
            fail("hours", hours)
        else:
            for spec in hours:
                match = _HOURS.match(spec)
                # "00:00" closing means midnight; otherwise a day closes after it opens.
                if match["closes"] != "00:00" and match["closes"] <= match["opens"]:
                    fail("hours", spec)
    if "medical_specialty" in clinic:
        specialties = clinic["medical_specialty"]
        if not (isinstance(specialties, list) and specialties and all(s in SPECIALTIES for s in specialties)):
            fail("medical_specialty", specialties)
    return errors
