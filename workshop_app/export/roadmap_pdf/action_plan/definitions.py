"""Definitions: the international standards the plan works to (ILO Conventions Nos 29, 138 and
182, the 2014 Protocol to the Forced Labour Convention, the Palermo Protocol), then the country's
own law as the workshop wrote it."""

from reportlab.platypus import Flowable

from workshop_app.export.pdf import text
from workshop_app.export.roadmap_pdf.action_plan.country_texts import country_part
from workshop_app.export.roadmap_pdf.front import Report
from workshop_app.export.roadmap_pdf.styles import heading, styles, subheading
from workshop_app.i18n.catalogs import N_

# (term, definition, source): the conventions' own words where they define, in short otherwise.
DEFINITIONS = (
    (N_("Forced labour"),
     N_("All work or service which is exacted from any person under the threat of a penalty and for which the "
        "said person has not offered himself or herself voluntarily. The 2014 Protocol requires measures to "
        "prevent it, to protect its victims and to give them access to remedies, including compensation."),
     N_("ILO Forced Labour Convention, 1930 (No. 29), Article 2(1); Protocol of 2014 to the Forced Labour "
        "Convention, 1930")),
    (N_("Child labour"),
     N_("Work done by children below the minimum age for admission to employment, which is not less than the age "
        "of completion of compulsory schooling and in any case not less than 15 years (14 years, at first, in a "
        "country whose economy and education facilities are insufficiently developed); and work likely to "
        "jeopardize the health, safety or morals of young persons done by anyone under 18."),
     N_("ILO Minimum Age Convention, 1973 (No. 138), Articles 2 and 3")),
    (N_("Worst forms of child labour"),
     N_("For every person under 18: all forms of slavery or practices similar to slavery, such as the sale and "
        "trafficking of children, debt bondage and serfdom, and forced or compulsory labour, including the "
        "forced or compulsory recruitment of children for use in armed conflict; the use, procuring or offering "
        "of a child for prostitution or pornography; the use, procuring or offering of a child for illicit "
        "activities, in particular the production and trafficking of drugs; and work which, by its nature or the "
        "circumstances in which it is carried out, is likely to harm the health, safety or morals of children."),
     N_("ILO Worst Forms of Child Labour Convention, 1999 (No. 182), Articles 2 and 3")),
    (N_("Trafficking in persons"),
     N_("The recruitment, transportation, transfer, harbouring or receipt of persons, by means of the threat or "
        "use of force or other forms of coercion, of abduction, of fraud, of deception, of the abuse of power or "
        "of a position of vulnerability or of the giving or receiving of payments or benefits to achieve the "
        "consent of a person having control over another person, for the purpose of exploitation: at a minimum, "
        "the exploitation of the prostitution of others or other forms of sexual exploitation, forced labour or "
        "services, slavery or practices similar to slavery, servitude or the removal of organs. For a child, no "
        "such means is needed."),
     N_("Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children "
        "(Palermo Protocol, 2000), Article 3")),
    (N_("Modern slavery"),
     N_("Not a legal term: an umbrella term for situations of exploitation a person cannot refuse or leave because "
        "of threats, violence, coercion, deception or abuse of power. The global estimates count forced labour "
        "and forced marriage under it."),
     N_("ILO, Walk Free and IOM, Global Estimates of Modern Slavery (2022)")),
)


def definitions_section(report: Report, number: str) -> list[Flowable]:
    _ = report.labels.words
    found = styles()
    story = heading(number, _("Definitions"), "definitions")
    # Translators: introduces the definitions of the international standards in the plan
    story.append(text.paragraph(_("The plan uses the terms of target 8.7 as the international standards define "
                                  "them."), found["body"]))
    for term, definition, source in DEFINITIONS:
        story += subheading(_(term), keep=120)
        story.append(text.paragraph(_(definition), found["body"]))
        story.append(text.paragraph(_(source), found["source"]))
    story += country_part(report, _("In national law"), "definitions")
    return story
