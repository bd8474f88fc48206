"""Dutch labels belong to their own enum, even when two enums share a storage code."""

from enum import unique

from pzmdo.domain.enums import Discipline, LabelledEnum, Role, register_labels


def test_equal_codes_in_different_enums_keep_their_own_labels():
    @unique
    class Checklist(LabelledEnum):
        SPECIALIST_PZ = "specialist_pz"

    register_labels({Checklist.SPECIALIST_PZ: "Specialist palliatieve zorg nodig?"})
    assert Checklist.SPECIALIST_PZ.label == "Specialist palliatieve zorg nodig?"
    assert Role.SPECIALIST_PZ.label == "Specialist palliatieve zorg"
    assert Discipline.SPECIALIST_PZ.label == "Specialist palliatieve zorg"


def test_from_text_accepts_code_or_label():
    assert Role.from_text("Huisarts") is Role.HUISARTS
    assert Role.from_text("poh") is Role.POH
