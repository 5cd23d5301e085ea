"""Demo CMS content: the home page, two standard pages and the footer, in three languages.

The wording comes from the field (shared/seeds: VRAC, the learning networks).
"""

from wagtail.models import Page, Site

from .models import FooterSettings, HomePage, StandardPage

HOME = {
    "title": {
        "nl": "Samen rond elk kind",
        "fr": "Ensemble autour de chaque enfant",
        "en": "Together around every child",
    },
    "intro": {
        "nl": "Er is een heel dorp nodig om een kind op te voeden. Scholen, gezinnen, jeugdwerk, welzijn, sport en cultuur werken hier samen, zodat geen enkel kind de school vroegtijdig verlaat.",
        "fr": "Il faut tout un village pour élever un enfant. Écoles, familles, maisons de jeunes, aide sociale, sport et culture travaillent ici ensemble, pour qu'aucun enfant ne quitte l'école trop tôt.",
        "en": "It takes a village to raise a child. Schools, families, youth work, welfare, sport and culture work together here, so that no child leaves school too early.",
    },
}

SECTIONS = {
    "nl": [
        (
            "activities",
            "Activiteiten na school",
            "Huiswerkklas, muziek, sport, natuur, ouderkoffie of een vakantiekamp: vind wat er in je buurt is, in je taal, en schrijf je in.",
            "Ontdek het aanbod",
        ),
        (
            "ideas",
            "Jouw idee telt",
            "Kinderen, jongeren en ouders geven ideeën en feedback. We vertellen je altijd wat er met je idee gebeurd is.",
            "Zo werkt co-creatie",
        ),
        (
            "network",
            "Lerende netwerken",
            "Coördinatoren welzijn en onderwijs overleggen online, bespreken vastgelopen situaties anoniem en signaleren wat ontbreekt.",
            "Over de netwerken",
        ),
    ],
    "fr": [
        (
            "activities",
            "Activités après l'école",
            "École de devoirs, musique, sport, nature, café des parents ou stage de vacances : trouvez ce qui existe près de chez vous, dans votre langue, et inscrivez-vous.",
            "Découvrir l'offre",
        ),
        (
            "ideas",
            "Ton idée compte",
            "Enfants, jeunes et parents partagent leurs idées et leurs avis. Nous vous disons toujours ce que nous avons fait de votre idée.",
            "La co-création",
        ),
        (
            "network",
            "Réseaux apprenants",
            "Les coordinateurs bien-être et enseignement se réunissent en ligne, discutent de situations bloquées de façon anonyme et signalent ce qui manque.",
            "À propos des réseaux",
        ),
    ],
    "en": [
        (
            "activities",
            "Activities after school",
            "Homework club, music, sport, nature, a parent café or a holiday camp: find what is near you, in your language, and join.",
            "Explore the offer",
        ),
        (
            "ideas",
            "Your idea counts",
            "Children, young people and parents share ideas and feedback. We always tell you what happened with your idea.",
            "How co-creation works",
        ),
        (
            "network",
            "Learning networks",
            "Welfare and education coordinators meet online, discuss stuck situations anonymously and signal what is missing.",
            "About the networks",
        ),
    ],
}

ABOUT = {
    "title": {"nl": "Over Village", "fr": "À propos de Village", "en": "About Village"},
    "slug": {"nl": "over-village", "fr": "a-propos", "en": "about"},
    "intro": {
        "nl": "In Europa verlaat 1 op de 10 jongeren de school zonder diploma secundair onderwijs; in Brussel is dat 15 tot 20 procent. Scholen kunnen dat niet alleen oplossen.",
        "fr": "En Europe, 1 jeune sur 10 quitte l'école sans diplôme du secondaire ; à Bruxelles, c'est 15 à 20 pour cent. Les écoles ne peuvent pas y arriver seules.",
        "en": "In Europe, 1 in 10 young people leaves school without an upper-secondary diploma; in Brussels it is 15 to 20 percent. Schools cannot solve that alone.",
    },
    "body": {
        "nl": [
            ("heading", "Twee pijlers"),
            (
                "paragraph",
                "<p><b>Verlengde leertijd</b>: leer- en welzijnsactiviteiten rond de school, zoals huiswerkbegeleiding, muziek, natuur, sport, techniek en vakantieprogramma's.</p><p><b>Eerstelijns welzijnsteams</b>: welzijnswerk dat tot in de school reikt.</p>",
            ),
            ("heading", "Samen met kinderen en ouders"),
            (
                "paragraph",
                "<p>Een aanpak werkt alleen als hij samen met kinderen en ouders wordt gebouwd. Kinderen zijn mensen, geen mensen-in-wording.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Het was tof dat er geluisterd werd naar wat we te vertellen hadden. Er werd niet meteen ‘ja’ of ‘nee’ gezegd, waardoor ik me wel serieus genomen voelde.",
                    "attribution": "Een jongere in het VRAC-project",
                },
            ),
        ],
        "fr": [
            ("heading", "Deux piliers"),
            (
                "paragraph",
                "<p><b>Temps d'apprentissage prolongé</b> : des activités d'apprentissage et de bien-être autour de l'école, comme l'école de devoirs, la musique, la nature, le sport, la technique et les programmes de vacances.</p><p><b>Équipes de bien-être de première ligne</b> : l'aide sociale qui va jusque dans l'école.</p>",
            ),
            ("heading", "Avec les enfants et les parents"),
            (
                "paragraph",
                "<p>Une approche ne fonctionne que si elle est construite avec les enfants et les parents. Les enfants sont des personnes, pas des personnes en devenir.</p>",
            ),
            (
                "quote",
                {
                    "quote": "C'était chouette qu'on écoute ce que nous avions à dire. Personne n'a dit tout de suite « oui » ou « non », alors je me suis senti pris au sérieux.",
                    "attribution": "Un jeune du projet VRAC",
                },
            ),
        ],
        "en": [
            ("heading", "Two pillars"),
            (
                "paragraph",
                "<p><b>Extended learning time</b>: learning and wellbeing activities around school, such as homework support, music, nature, sport, technology and holiday programmes.</p><p><b>Frontline wellbeing teams</b>: welfare support that reaches into school.</p>",
            ),
            ("heading", "Together with children and parents"),
            (
                "paragraph",
                "<p>An approach only works when it is built with children and parents. Children are human beings, not human becomings.</p>",
            ),
            (
                "quote",
                {
                    "quote": "It was great that they listened to what we had to say. Nobody said yes or no straight away, so I felt taken seriously.",
                    "attribution": "A young person in the VRAC project",
                },
            ),
        ],
    },
}

PARTNERS = {
    "title": {"nl": "Voor partners", "fr": "Pour les partenaires", "en": "For partners"},
    "slug": {"nl": "voor-partners", "fr": "partenaires", "en": "for-partners"},
    "intro": {
        "nl": "Scholen, jeugdwerk, welzijn, sportclubs, bibliotheken en huiswerkscholen zetten hun aanbod op Village, zodat gezinnen het vinden.",
        "fr": "Écoles, maisons de jeunes, services sociaux, clubs sportifs, bibliothèques et écoles de devoirs publient leur offre sur Village, pour que les familles la trouvent.",
        "en": "Schools, youth work, welfare services, sports clubs, libraries and homework schools put their offer on Village, so that families find it.",
    },
    "body": {
        "nl": [
            (
                "paragraph",
                "<p>Maak een account aan als professional en registreer je organisatie via <b>Mijn Village</b>. Een redacteur keurt nieuwe organisaties goed; daarna publiceer je je activiteiten.</p>",
            ),
        ],
        "fr": [
            (
                "paragraph",
                "<p>Créez un compte professionnel et enregistrez votre organisation dans <b>Mon Village</b>. Un éditeur approuve les nouvelles organisations ; ensuite, vous publiez vos activités.</p>",
            ),
        ],
        "en": [
            (
                "paragraph",
                "<p>Create a professional account and register your organisation under <b>My Village</b>. An editor approves new organisations; then you publish your activities.</p>",
            ),
        ],
    },
}

FOOTER = {
    "about": {
        "nl": "Village brengt scholen, gezinnen en partners samen tegen vroegtijdig schoolverlaten.",
        "fr": "Village rassemble écoles, familles et partenaires contre le décrochage scolaire.",
        "en": "Village brings schools, families and partners together against early school leaving.",
    },
    "opening_hours": {
        "nl": "ma–vr, 9–17 u.",
        "fr": "lun.–ven., 9 h–17 h",
        "en": "Mon–Fri, 9:00–17:00",
    },
    "phone": "+32 2 000 12 34",
    "email": "hallo@village.example.org",
    "address": "Anneessensplein 1, 1000 Brussel",
}


def _translated(prefix, values):
    return {f"{prefix}_{code}": value for code, value in values.items()}


def _stream(items):
    return [{"type": kind, "value": value} for kind, value in items]


def _sections(language, about_page):
    return [
        {
            "type": "section",
            "value": {
                "icon_name": icon,
                "heading": heading,
                "text": text,
                "link_page": about_page.pk,
                "link_url": "",
                "link_text": link_text,
            },
        }
        for icon, heading, text, link_text in SECTIONS[language]
    ]


def _standard_page(home, spec):
    existing = StandardPage.objects.filter(slug_nl=spec["slug"]["nl"]).first()
    if existing:
        return existing, False
    page = StandardPage(
        show_in_menus=True,
        **_translated("title", spec["title"]),
        **_translated("slug", spec["slug"]),
        **_translated("intro", spec["intro"]),
        **{f"body_{code}": _stream(items) for code, items in spec["body"].items()},
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def load():
    created = []
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        # Wagtail's own "Welcome" placeholder page makes way for ours.
        for placeholder in root.get_children().exclude(content_type__model="homepage"):
            placeholder.delete()
        home = HomePage(
            **_translated("title", HOME["title"]),
            slug_nl="home",
            slug_fr="accueil",
            slug_en="home",
            **_translated("intro", HOME["intro"]),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Village"},
        )
        created.append("home page")
    about, was_created = _standard_page(home, ABOUT)
    if was_created:
        created.append("about page")
    _partners, was_created = _standard_page(home, PARTNERS)
    if was_created:
        created.append("partners page")
    if not any(len(getattr(home, f"sections_{code}").raw_data) for code in SECTIONS):
        for code in SECTIONS:
            setattr(home, f"sections_{code}", _sections(code, about))
        home.save_revision().publish()
        created.append("home sections")
    site = Site.objects.get(is_default_site=True)
    footer = FooterSettings.for_site(site)
    if not footer.phone:
        for field in ("about", "opening_hours"):
            for code, value in FOOTER[field].items():
                setattr(footer, f"{field}_{code}", value)
        footer.phone, footer.email, footer.address = FOOTER["phone"], FOOTER["email"], FOOTER["address"]
        footer.save()
        created.append("footer")
    return "created " + ", ".join(created) if created else "nothing new"
