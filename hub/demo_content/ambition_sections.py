"""The six sections of each ambition page, from seed 001 ("Our 5 ambitions").

This is the council's official strategy text, so the wording is kept and only lightly tidied:
spelling, punctuation and consistent "Label: text" paragraphs.
"""

from .blocks import p, ul


def points(*pairs: tuple[str, str]) -> str:
    """The strategy's 'Label: text' paragraphs."""
    return "".join(p(f"<b>{label}:</b> {text}") for label, text in pairs)


SECTIONS = {
    1: {
        "ambition_statement": p(
            "Kent aims to empower children and young people with Special Educational Needs and "
            "Disabilities (SEND) to actively participate in decisions about their education, "
            "support and future. This ensures their voices shape the services they receive, "
            "making them contributors rather than just recipients."
        ),
        "why_important": p(
            "Involving children with SEND in decision-making fosters autonomy, ownership and "
            "self-esteem. When services are aligned with their additional needs, they are more "
            "effective, leading to better outcomes and personal growth."
        ),
        "how_we_will_achieve_it": points(
            (
                "Develop self-advocacy skills",
                "Implement programmes to help children "
                "communicate their needs, understand their rights and make informed choices.",
            ),
            (
                "Create participation opportunities",
                "Increase involvement in school councils, "
                "peer support groups and other forums where their voices can be heard.",
            ),
            (
                "Foster inclusion",
                "Promote inclusive practices in settings, schools, post-16 and "
                "communities, ensuring every child feels welcomed and supported.",
            ),
        ),
        "impact": points(
            (
                "Empowerment",
                "Children will gain the skills to advocate for themselves, "
                "resulting in more personalised support.",
            ),
            (
                "Community inclusion",
                "Greater participation will lead to stronger community ties "
                "and improved well-being.",
            ),
            (
                "Educational success",
                "Tailored learning experiences will boost engagement, attendance and performance.",
            ),
        ),
        "monitor_progress": points(
            (
                "Increased participation",
                "Measure the number of children engaging in decision-making forums.",
            ),
            (
                "Improved satisfaction",
                "Track satisfaction levels of children and families with services.",
            ),
            (
                "Better educational outcomes",
                "Monitor improvements in engagement, attendance and performance.",
            ),
        ),
        "continuous_improvement": ul(
            "Work with settings, schools, post-16 providers, communities and families to create "
            "participation opportunities.",
            "Provide ongoing training for parents, children and staff.",
            "Establish regular feedback to adjust and refine our approach.",
        ),
    },
    2: {
        "ambition_statement": p(
            "We aim to ensure children, young people and families can access the support they "
            "need, when and where they need it. By enhancing partnerships between education, "
            "health and social care, we will create a seamless, integrated support system for "
            "children and young people with SEND."
        ),
        "why_important": p(
            "Timely, coordinated support is essential for the well-being and development of "
            "children with SEND. Delays or fragmented services can harm their education, health "
            "and social outcomes. Streamlining services will reduce barriers for families and "
            "create a system responsive to each child's needs."
        ),
        "how_we_will_achieve_it": points(
            (
                "Strengthen partnerships",
                "Foster collaboration between education, health and "
                "social care through regular meetings, joint training and shared information "
                "systems.",
            ),
            (
                "Single point of access",
                "Create a central access point for families, simplifying "
                "the process of getting support.",
            ),
            (
                "Develop integrated care pathways",
                "Establish clear, coordinated care plans to "
                "ensure seamless support across services.",
            ),
        ),
        "impact": points(
            (
                "Better health and well-being",
                "Timely access to services will improve both "
                "physical and mental health, allowing children to engage more fully in education "
                "and their community.",
            ),
            (
                "Enhanced family support",
                "A streamlined system will reduce the burden on "
                "families, helping them access the right services more easily and focus on their "
                "children's development.",
            ),
        ),
        "monitor_progress": points(
            (
                "Reduced waiting times",
                "We will track and aim to reduce the time it takes for "
                "children to access services.",
            ),
            (
                "Improved satisfaction",
                "Regularly measure family satisfaction with services, "
                "aiming for higher satisfaction through better access and coordination.",
            ),
            (
                "Better health and education outcomes",
                "Monitor improvements in health, education "
                "and community involvement as services become more integrated.",
            ),
        ),
        "continuous_improvement": ul(
            "Focus on a <b>family-centred approach</b>, involving families in service design and "
            "regularly seeking their feedback.",
            "Implement <b>continuous improvement</b> practices to refine processes based on "
            "feedback and evolving needs.",
        ),
    },
    3: {
        "ambition_statement": p(
            "We aim to promote inclusive practices in all education provision, ensuring that "
            "children with Special Educational Needs and Disabilities (SEND) can access a broad "
            "and balanced curriculum. Our goal is to fully integrate children with SEND into "
            "education, enabling them to learn alongside their peers, participate in all aspects "
            "of school life and receive the necessary support to succeed."
        ),
        "why_important": p(
            "Inclusive childcare and education is key to ensuring all children have equal "
            "opportunities for success. When children with SEND are included in mainstream "
            "provision, they benefit from academic, social and emotional growth. Inclusion "
            "fosters a sense of belonging, boosts self-esteem and helps all students develop "
            "empathy and respect for diversity."
        ),
        "how_we_will_achieve_it": points(
            (
                "Inclusive teaching practices",
                "Train teachers, the early years workforce and "
                "staff in strategies such as differentiated instruction and adaptive learning tools "
                "to support all learners.",
            ),
            (
                "Whole-setting inclusion policies",
                "Develop comprehensive inclusion policies to "
                "ensure children with SEND are fully integrated into every aspect of school life.",
            ),
            (
                "Enhanced access to support services",
                "Provide schools with access to specialist "
                "support, such as educational psychologists and SEND inclusion advisers, to address "
                "individual needs.",
            ),
        ),
        "impact": points(
            (
                "Improved educational achievement",
                "Inclusive practices will give children with "
                "SEND the support needed to succeed academically, leading to better educational "
                "outcomes.",
            ),
            (
                "Greater social integration",
                "Inclusion promotes social interaction and "
                "relationship-building, fostering friendships and a sense of belonging for "
                "children with SEND.",
            ),
            (
                "Increased self-esteem and confidence",
                "When children with SEND are included and "
                "supported, they gain confidence and are more willing to take on challenges, "
                "resulting in better long-term outcomes.",
            ),
        ),
        "monitor_progress": points(
            (
                "Increased inclusion rates",
                "Track the number of children with SEND educated in "
                "mainstream settings and aim to increase these rates.",
            ),
            (
                "Improved academic performance",
                "Monitor academic progress in areas like literacy "
                "and numeracy, targeting improvements for children with SEND.",
            ),
            (
                "Enhanced social outcomes",
                "Measure improvements in social participation, peer "
                "relationships, self-esteem and confidence.",
            ),
        ),
        "continuous_improvement": ul(
            "<b>Ongoing training:</b> provide continuous professional development so the "
            "workforce at every stage of the education journey has practical strategies for "
            "inclusive education.",
            "<b>Collaboration with schools:</b> work with schools to develop and adjust "
            "inclusion policies so they remain effective and sustainable.",
            "<b>Resource allocation:</b> make sure schools and settings have access to necessary "
            "resources like assistive technologies and specialist staff to support inclusive "
            "practices.",
        ),
    },
    4: {
        "ambition_statement": p(
            "Our ambition is to enhance engagement with parents, carers and families by "
            "providing clear, accessible information and meaningful opportunities for "
            "involvement in decision-making. Recognising that parents and carers are essential "
            "partners in the education and development of children with Special Educational "
            "Needs and Disabilities (SEND), we aim to empower families to actively participate "
            "in shaping the services and support their children receive."
        ),
        "why_important": p(
            "Effective family engagement is crucial for successful support systems for children "
            "with SEND. Parents and carers have deep knowledge of their children's unique needs, "
            "and their insights ensure that support is personalised and effective. "
            "Strengthening these partnerships improves trust and ensures that services are more "
            "responsive, transparent and aligned with the needs of families."
        ),
        "how_we_will_achieve_it": points(
            (
                "Provide accessible information and resources",
                "Develop clear guides and "
                "resources that explain services, support options and decision-making processes "
                "in user-friendly formats, including workshops and materials in several "
                "languages.",
            ),
            (
                "Create opportunities for parental involvement",
                "Establish parent forums, focus "
                "groups and advisory panels to give families a platform to share experiences and "
                "contribute to decision-making.",
            ),
        ),
        "impact": points(
            (
                "Enhanced decision-making",
                "Parents and carers who are well informed can actively "
                "shape the support their children receive, leading to better, more tailored "
                "outcomes.",
            ),
            (
                "Stronger family support networks",
                "Engaged families can build stronger "
                "connections with other families, schools and service providers, reducing "
                "isolation and enhancing resilience.",
            ),
            (
                "Improved trust and collaboration",
                "Stronger engagement builds trust between "
                "families and service providers, leading to more effective, coordinated support "
                "for children.",
            ),
        ),
        "monitor_progress": points(
            (
                "Increased parental involvement",
                "Track the number of parents taking part in "
                "decision-making forums and aim to increase their participation.",
            ),
            (
                "Improved family satisfaction",
                "Monitor family satisfaction with information and "
                "support services, targeting higher satisfaction levels.",
            ),
            (
                "Stronger community networks",
                "Measure increased family participation in "
                "community activities and support services.",
            ),
        ),
        "continuous_improvement": ul(
            "<b>Clear communication channels:</b> ensure open and consistent communication "
            "between families and service providers, allowing easy access to information and "
            "support.",
            "<b>Family-centred approach:</b> regularly consult with families to gather feedback "
            "and adjust services to meet their unique needs.",
            "<b>Ongoing support and training:</b> provide continuous training for families and "
            "service providers on advocacy, communication and navigating the SEND system.",
        ),
    },
    5: {
        "ambition_statement": p(
            "Our ambition is to build a continuous support system that begins in the early "
            "years and extends through post-16 education, ensuring that children and young "
            "people with Special Educational Needs and Disabilities (SEND) are prepared for "
            "independence. By focusing on skills development, future education, employment and "
            "independent living, we aim to create clear, effective pathways for young people to "
            "move confidently into adulthood."
        ),
        "why_important": p(
            "Preparation for adulthood must start early for children with SEND, with sustained "
            "support throughout their education. Early intervention is crucial for skill "
            "development and helps reduce gaps in services during critical transitions, such as "
            "from early years to primary to secondary school or from education to employment. "
            "A seamless continuum of support helps young people with SEND build the confidence "
            "and abilities needed for independence, employment and community involvement."
        ),
        "how_we_will_achieve_it": points(
            (
                "Early years interventions",
                "Implement targeted programmes that focus on "
                "developing key skills such as communication, self-care and social interaction, "
                "tailored to the developmental needs of each child.",
            ),
            (
                "Transition pathways",
                "Create structured pathways that guide children through "
                "each stage of education, ensuring smooth transitions from early years to post-16 "
                "education.",
            ),
            (
                "Strengthen post-16 support",
                "Enhance the guidance and support given to young "
                "people as they approach adulthood, including vocational training, career advice "
                "and life skills programmes.",
            ),
        ),
        "impact": points(
            (
                "Enhanced readiness for adulthood",
                "By preparing early, young people with SEND "
                "will be better equipped for the challenges of adulthood, leading to greater "
                "independence and better educational and employment outcomes.",
            ),
            (
                "Smooth transitions",
                "Well-planned transition pathways reduce disruption, anxiety "
                "and disengagement, helping young people remain on track for success.",
            ),
            (
                "Improved long-term outcomes",
                "A clear, continuous pathway ensures that young "
                "people with SEND reach their potential, whether in education, employment or "
                "independent living.",
            ),
        ),
        "monitor_progress": points(
            (
                "Increased early intervention participation",
                "Track the number of children "
                "accessing early years programmes and aim to increase participation.",
            ),
            (
                "Improved transition success rates",
                "Measure the success of transitions between "
                "key stages, aiming for smoother, better supported transitions.",
            ),
            (
                "Higher post-16 engagement",
                "Monitor engagement in post-16 education, training "
                "and employment, with a focus on increasing participation.",
            ),
        ),
        "continuous_improvement": ul(
            "<b>Collaborative planning:</b> develop personalised plans for each child with "
            "families, settings, schools and service providers to ensure individual needs are "
            "met.",
            "<b>Ongoing monitoring and adjustment:</b> continuously review the effectiveness of "
            "interventions and transition pathways, adjusting them based on feedback from "
            "families and service providers.",
            "<b>Resource allocation:</b> make sure schools and service providers have the "
            "resources and training they need to deliver high-quality early interventions and "
            "transition support.",
        ),
    },
}
