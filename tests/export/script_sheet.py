"""One workshop with a participant, an action and a breakout group per script of the countries
that work with Alliance 8.7, and lines that mix directions: every PDF kind is written from it.

Names and titles are as people write them (NFC); the Sinhala title holds a zero-width joiner,
the Urdu and Persian ones letters that plain Arabic lacks.
"""

from pathlib import Path

from workshop_app.models.agenda.groups import plan_assign
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.roadmap.editing import plan_add_node

# script -> (participant's name, action title)
SCRIPTS = {
    "vietnamese": ("Nguyễn Thị Minh Khai", "Tăng cường thanh tra lao động"),
    "cyrillic": ("Ольга Иванова", "Обучение инспекторов труда"),
    "greek": ("Ελένη Παπαδοπούλου", "Εκπαίδευση επιθεωρητών εργασίας"),
    "arabic": ("مريم الإدريسي", "مكافحة العمل الجبري"),
    "urdu": ("عائشہ صدیقی", "جبری مشقت کا خاتمہ"),
    "persian": ("پروین گلزار", "پیشگیری از کار کودکان"),
    "hebrew": ("מרים לוי", "מניעת עבודת כפייה"),
    "devanagari": ("सीता श्रेष्ठ", "बाल श्रम उन्मूलन"),
    "bengali": ("রহিম উদ্দিন", "শিশুশ্রম নিরসন"),
    "tamil": ("கமலா செல்வராஜ்", "கட்டாய உழைப்பை ஒழித்தல்"),
    "sinhala": ("සීතා පෙරේරා", "ළමා ශ්‍රමය තුරන් කිරීම"),
    "thai": ("สมชาย ใจดี", "ขจัดแรงงานบังคับ"),
    "lao": ("ສົມພອນ ວົງສາ", "ລົບລ້າງແຮງງານເດັກ"),
    "khmer": ("សុខ ចាន់ធី", "លុបបំបាត់ពលកម្មកុមារ"),
    "myanmar": ("အောင် ကျော်", "အဓမ္မလုပ်အား ပပျောက်ရေး"),
    "ethiopic": ("አበበ በቀለ", "የሕፃናት ጉልበት ብዝበዛን ማስወገድ"),
    "georgian": ("ნინო ბერიძე", "იძულებითი შრომის აღმოფხვრა"),
    "armenian": ("Արամ Պետրոսյան", "Հարկադիր աշխատանքի վերացում"),
}
RIGHT_TO_LEFT = ("arabic", "urdu", "persian", "hebrew")
# Lines that mix directions, with numbers and brackets inside: the organization, the plenary.
ORGANIZATION = "Ministry of Labour (وزارة العمل) 2027"
PLENARY = "Ministry of Labour (משרד העבודה) 2027"
ARABIC_PLENARY = "وزارة العمل (MoL) 2027"


def write_script_sheet(path: Path) -> Path:
    WorkshopDocument.create(path, title="National workshop on SDG target 8.7", country="MA",
                            start_date="2027-03-09", days=1, languages="ar, fr, en").close()
    with WorkshopDocument.open(path) as document:
        day_id = document.rows("day", order_by="position")[0]["id"]
        organization = document.plan_insert("organization", name=ORGANIZATION, acronym="MoL")
        document.apply(organization)
        organization_id = organization.rows[0].row_id
        for slot, title in ((1, PLENARY), (2, ARABIC_PLENARY)):
            document.apply(document.plan_insert("session", day_id=day_id, slot=slot, title=title, type="plenary",
                                                duration=30))
        goal = plan_add_node(document, None, "goal", title="Ending forced labour and child labour")
        document.apply(goal)
        outcome = plan_add_node(document, goal.rows[0].row_id, "outcome", title=ORGANIZATION)
        document.apply(outcome)
        output = plan_add_node(document, outcome.rows[0].row_id, "output", title=ARABIC_PLENARY)
        document.apply(output)
        for script, (name, action) in SCRIPTS.items():
            person = document.plan_insert("participant", name=name, organization_id=organization_id)
            document.apply(person)
            document.apply(plan_add_node(document, output.rows[0].row_id, "action", title=action,
                                         lead_organization_id=organization_id, start="2027-Q2", end="2028-Q1"))
            group = document.plan_insert("session", day_id=day_id, slot=3, track=script, title=action,
                                         type="group_work", duration=90, room=name)
            document.apply(group)
            document.apply(plan_assign(document, group.rows[0].row_id, [person.rows[0].row_id]))
    return path
