"""The pages every council site must have: accessibility statement, privacy notice, cookies and
contact. They describe what this platform actually does (the cookies Django sets, the feedback it
collects) and claim nothing about testing that has not been done.

Contact details come from the seeds (the alternative formats line and postal address in 001)
and from the brief (the council's main phone number). Retention periods are a council decision;
the ones here are placeholders a council must confirm, and the page says who to ask.
"""

from home.models import InformationPage

from .blocks import a, b, details, heading, inset, p, paragraph, summary_list, ul
from .builder import PageSpec
from .strategy import PAPER_ADDRESS

ALT_FORMATS_EMAIL = "alternativeformats@kent.gov.uk"
ALT_FORMATS = ul(
    f"Email: {a(f'mailto:{ALT_FORMATS_EMAIL}', ALT_FORMATS_EMAIL)}",
    "Phone: 03000 42 15 53",
    "Text relay: 18001 03000 42 15 53",
)
EASS_URL = "https://www.equalityadvisoryservice.com/"
ICO_URL = "https://ico.org.uk/make-a-complaint/"


def accessibility_body(ref) -> dict:
    return {
        "body": [
            paragraph(
                p(
                    "This accessibility statement applies to the SEND Information Hub. The "
                    "website is run by Kent County Council. We want as many people as possible "
                    "to be able to use it."
                ),
                p(
                    "We built it with the GOV.UK Design System, whose components are tested "
                    "with assistive technologies. You should be able to:"
                ),
                ul(
                    "zoom in up to 400% without the text spilling off the screen",
                    "use the whole website with just a keyboard",
                    "use the website with a screen reader or speech recognition software",
                    "use the website without JavaScript",
                    "read some pages in easy read, and in other languages",
                ),
            ),
            heading("How accessible this website is"),
            paragraph(
                p(
                    "This website is new and in beta. We aim to meet the Web Content "
                    "Accessibility Guidelines (WCAG) version 2.2 at level AA. We have not yet "
                    "finished testing it against that standard."
                ),
                p("We know some parts may not be fully accessible:"),
                ul(
                    "some documents we link to on other websites, such as PDFs, may not work "
                    "well with assistive technology",
                    "not every page has an easy read version yet",
                    "not every page has been translated yet",
                ),
            ),
            heading("Asking for information in another format"),
            paragraph(
                p(
                    "If you need information from this website in a different format, such as "
                    "accessible PDF, large print, easy read, audio or braille, contact us:"
                ),
                ALT_FORMATS,
                p("This number goes to an answering machine. We check it during office hours."),
            ),
            heading("Reporting accessibility problems with this website"),
            paragraph(
                p(
                    "We are always looking to improve the accessibility of this website. If you "
                    "find a problem that is not listed on this page, or think we are not meeting "
                    "accessibility requirements, tell us using the contact details above. Say "
                    "which page the problem is on and what happened."
                ),
                p("You can also use our " + ref.a("contact", "contact page") + "."),
            ),
            heading("Enforcement procedure"),
            paragraph(
                p(
                    "The Equality and Human Rights Commission (EHRC) is responsible for "
                    "enforcing the Public Sector Bodies (Websites and Mobile Applications) "
                    "(No. 2) Accessibility Regulations 2018 (the accessibility regulations)."
                ),
                p(
                    "If you are not happy with how we respond to your complaint, contact the "
                    + a(EASS_URL, "Equality Advisory and Support Service (EASS)")
                    + "."
                ),
            ),
            heading("Technical information about this website's accessibility"),
            paragraph(
                p(
                    "Kent County Council is committed to making its website accessible, in "
                    "line with the accessibility regulations."
                ),
                p(
                    f"{b('Compliance status:')} this website is partially compliant with WCAG "
                    "version 2.2 AA. We will describe it as partially compliant until testing "
                    "is finished, and list anything we find on this page."
                ),
                p(
                    f"{b('Preparation of this statement:')} we prepared this statement when the "
                    "website went into beta. We will review it when testing is finished and "
                    "whenever the website changes significantly."
                ),
            ),
        ]
    }


def privacy_body(ref) -> dict:
    return {
        "body": [
            paragraph(
                p(
                    "This notice explains what personal information the SEND Information Hub "
                    "collects, why, how long we keep it and your rights."
                ),
                p(
                    "Kent County Council is the data controller for the information collected "
                    "through this website."
                ),
            ),
            heading("What we collect"),
            paragraph(
                p("We only collect information you choose to give us:"),
                ul(
                    "your answers to questionnaires and feedback forms, including whether you "
                    "are answering as a young person, a parent or carer, or a professional",
                    "your email address, only if you choose to give it, so we can tell you "
                    "what changed because of your feedback",
                ),
                p(
                    "You do not have to give your name. Please do not include your child's name "
                    "or other details that identify them in your answers."
                ),
            ),
            heading("Why we use it"),
            paragraph(
                p("We use your answers to:"),
                ul(
                    "understand what is working in SEND services and what needs to improve",
                    "shape our SEND strategy and services",
                    "publish \u201cyou said, we did\u201d updates, which never name you",
                ),
                p("We do not use your information for marketing and we do not sell it."),
            ),
            heading("Our lawful basis"),
            paragraph(
                p(
                    "We use your information because it is needed to carry out a task in the "
                    "public interest (UK GDPR Article 6(1)(e)). Councils have a duty to involve "
                    "children, young people and parents in decisions and in reviewing SEND "
                    "services under the Children and Families Act 2014."
                ),
                p(
                    "If you tell us about health or disability, we use it for reasons of "
                    "substantial public interest (UK GDPR Article 9(2)(g)), as allowed by the "
                    "Data Protection Act 2018."
                ),
            ),
            heading("How long we keep it"),
            summary_list(
                [
                    (
                        "Questionnaire answers",
                        p(
                            "Up to 2 years after the consultation closes. "
                            "After that we delete them or remove anything "
                            "that could identify you."
                        ),
                    ),
                    (
                        "Your email address",
                        p(
                            "Until you unsubscribe, or until we send the last "
                            "update about that consultation, whichever is "
                            "sooner."
                        ),
                    ),
                    (
                        "Unfinished questionnaires",
                        p(
                            "Deleted if you do not come back to them "
                            "before the consultation closes."
                        ),
                    ),
                ]
            ),
            inset(
                p(
                    "Each council using this website sets its own retention periods. Contact "
                    "us if you want to check them."
                )
            ),
            heading("Who we share it with"),
            paragraph(
                p(
                    "Only council staff working on SEND consultations can see your answers. "
                    "Companies that host the website for us process it under contract and must "
                    "keep it secure. We do not share it with anyone else unless the law "
                    "requires us to, for example to protect a child from harm."
                )
            ),
            heading("Your rights"),
            paragraph(
                p("You have the right to:"),
                ul(
                    "see the information we hold about you",
                    "ask us to correct it",
                    "ask us to delete it",
                    "ask us to limit how we use it",
                    "object to us using it",
                ),
                p("To use these rights, " + ref.a("contact", "contact us") + "."),
            ),
            heading("Complaints"),
            paragraph(
                p(
                    "If you are unhappy with how we have used your information, contact us "
                    "first. You can also complain to the Information Commissioner's Office "
                    "(ICO):"
                ),
                p(a(ICO_URL, "Make a complaint to the ICO")),
                p("ICO helpline: 0303 123 1113"),
            ),
        ]
    }


def cookies_body(ref) -> dict:
    return {
        "body": [
            paragraph(
                p(
                    "Cookies are small files saved on your phone, tablet or computer when you "
                    "visit a website."
                ),
                p(
                    "We only use cookies that make this website work. We do not use analytics "
                    "or advertising cookies, and we do not let other companies set cookies "
                    "through this website. That is why we do not ask you to accept cookies."
                ),
            ),
            heading("Essential cookies"),
            summary_list(
                [
                    (
                        "sessionid",
                        p(
                            "Remembers your progress through a questionnaire, so you "
                            "can go back a step or carry on later. Only set when you "
                            "start a questionnaire. Expires after 2 weeks."
                        ),
                    ),
                    (
                        "csrftoken",
                        p(
                            "Protects forms on this website from being misused by "
                            "other websites. Expires after 1 year."
                        ),
                    ),
                    (
                        "django_language",
                        p(
                            "Remembers the language you chose, if you change "
                            "language. Expires when you close your browser."
                        ),
                    ),
                ]
            ),
            details(
                "If you sign in to edit this website",
                p(
                    "Council staff who sign in to edit the website get extra cookies that keep "
                    "them signed in. These are only set after signing in."
                ),
            ),
            heading("Changing your cookie settings"),
            paragraph(
                p(
                    "You can block or delete cookies in your browser settings. If you block "
                    "these cookies, you will not be able to fill in questionnaires on this "
                    "website."
                )
            ),
        ]
    }


def contact_body(ref) -> dict:
    return {
        "body": [
            paragraph(p("Contact Kent County Council about SEND services and this website.")),
            heading("Phone"),
            summary_list([("Kent County Council", p("03000 41 41 41"))]),
            heading("Alternative formats and languages"),
            paragraph(
                p(
                    "If you need information in another format or language, or want to report "
                    "an accessibility problem:"
                ),
                ALT_FORMATS,
                p("This number goes to an answering machine. We check it during office hours."),
            ),
            heading("Post"),
            paragraph(
                p("You can post paper questionnaires about the SEND strategy to:"),
                p(b(PAPER_ADDRESS)),
            ),
            heading("Independent advice"),
            paragraph(
                p(
                    "IASK (Information, Advice and Support Kent) gives free, independent advice "
                    "about SEND to parents, carers and young people. It is separate from the "
                    "council's SEND team."
                ),
                p(
                    "Read our guide to "
                    + ref.a("ehc-needs-assessment", "asking for an EHC needs assessment")
                    + "."
                ),
            ),
        ]
    }


def _spec(key: str, title: str, slug: str, summary: str, fields) -> PageSpec:
    return PageSpec(
        key=key,
        model=InformationPage,
        parent="home",
        title=title,
        slug=slug,
        summary=summary,
        fields=fields,
    )


SITE_PAGES = [
    _spec(
        "accessibility",
        "Accessibility statement",
        "accessibility-statement",
        "How accessible this website is, how to report a problem and how to ask for "
        "information in another format.",
        accessibility_body,
    ),
    _spec(
        "privacy",
        "Privacy notice",
        "privacy",
        "What information this website collects when you give feedback, why, how long we "
        "keep it and your rights.",
        privacy_body,
    ),
    _spec(
        "cookies",
        "Cookies",
        "cookies",
        "This website only uses cookies it needs to work. We do not use analytics or "
        "advertising cookies.",
        cookies_body,
    ),
    _spec(
        "contact",
        "Contact us",
        "contact",
        "How to contact the council about SEND services, ask for another format or get "
        "independent advice.",
        contact_body,
    ),
]
