"""Participant lists in Arabic, and the program's own lists in every language, read back."""

from workshop_app.export.registry import export
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.participant_import.plan import plan_participant_import


def test_an_arabic_list_is_understood(document, tmp_path):
    path = tmp_path / "قائمة.csv"
    path.write_text("الاسم,المنظمة,الجنس,البريد الإلكتروني,الهاتف\n"
                    "مريم الإدريسي,وزارة الشغل,أنثى,maryam@example.org,+212 600 000 000\n"
                    "يوسف بنعلي,الاتحاد المغربي للشغل,ذكر,youssef@example.org,\n", encoding="utf-8")
    document.apply(plan_participant_import(document, path).change)
    people = {row["name"]: row for row in document.rows("participant")}
    assert people["مريم الإدريسي"]["sex"] == "female" and people["يوسف بنعلي"]["sex"] == "male"
    assert people["مريم الإدريسي"]["email"] == "maryam@example.org"
    assert {row["name"] for row in document.rows("organization")} == {"وزارة الشغل", "الاتحاد المغربي للشغل"}


def test_the_program_s_own_list_reads_back_in_every_language(demo_path, tmp_path):
    with WorkshopDocument.open(demo_path, readonly=True) as demo:
        roles = sorted(row["role"] for row in demo.rows("participant"))
        sexes = sorted(row["sex"] for row in demo.rows("participant"))
        for language in ("es", "ar", "fr"):
            export(demo, tmp_path / f"{language}.csv", "participants", lang=language)
    for language in ("es", "ar", "fr"):
        path = tmp_path / f"{language}.workshop"
        WorkshopDocument.create(path, title="T", country="MA", start_date="2027-03-09", days=1).close()
        with WorkshopDocument.open(path) as document:
            document.apply(plan_participant_import(document, tmp_path / f"{language}.csv").change)
            assert sorted(row["role"] for row in document.rows("participant")) == roles, language
            assert sorted(row["sex"] for row in document.rows("participant")) == sexes, language
