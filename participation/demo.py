"""Demo content of co-creation tracks; safe to run twice.

Three tracks in different phases, with dates relative to today so the demo never ends:
- "Ons pleintje" collects ideas now, with an open workshop (code SAMEN7) for a class of children;
- "De huiswerkklas van morgen" is in its prioritising phase (spread your votes);
- "Zomer op het plein" has results: realised ideas (one became an activity), one not possible.
Ideas come from children (workshop nicknames and a facilitator's group idea), youths and parents,
in Dutch, French and English; some wait for review. Wording from the programme's documents
("Het was tof dat er geluisterd werd naar wat we te vertellen hadden").
"""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import AccountType, User, current_year
from organisations.models import Organisation
from village.models import HomePage

from . import services
from .models import (
    AgeBand,
    Comment,
    Idea,
    IdeaStatus,
    Moderation,
    ModerationAction,
    ModerationActionKind,
    Phase,
    PhaseKind,
    TrackIndexPage,
    TrackPage,
    Workshop,
    WorkshopParticipant,
)

OPEN_WORKSHOP_CODE = "SAMEN7"
ENDED_WORKSHOP_CODE = "BRUG24"

INDEX = {
    "title": {"nl": "Meedenken", "fr": "Donnez votre avis", "en": "Have your say"},
    "slug": {"nl": "meedenken", "fr": "donnez-votre-avis", "en": "have-your-say"},
    "intro": {
        "nl": "Kinderen, jongeren en ouders denken mee over hun buurt, hun school en de activiteiten na school. "
        "Geef je idee, reageer, steun de ideeën die je goed vindt. We vertellen je altijd wat er met je idee gebeurd is.",
        "fr": "Enfants, jeunes et parents donnent leur avis sur leur quartier, leur école et les activités après l'école. "
        "Partage ton idée, réagis, soutiens les idées que tu aimes. Nous te disons toujours ce que nous avons fait de ton idée.",
        "en": "Children, young people and parents have their say about their neighbourhood, their school and after-school "
        "activities. Share your idea, react, support the ideas you like. We always tell you what happened with your idea.",
    },
}

# Extra demo people (the accounts demo has Samira, parent, fr; Jonas, youth 14, nl).
PEOPLE = [
    ("grace@example.org", "Grace", AccountType.PARENT, None, "en"),
    ("fatima@example.org", "Fatima", AccountType.PARENT, None, "nl"),
    ("lucas@example.org", "Lucas", AccountType.PARENT, None, "fr"),
    ("ines@example.org", "Inès", AccountType.YOUTH, 17, "fr"),
    ("youssef@example.org", "Youssef", AccountType.YOUTH, 16, "nl"),
]


def _person(email):
    return User.objects.get(email=email)


def _load_people():
    for email, name, account_type, age, language in PEOPLE:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "display_name": name,
                "account_type": account_type,
                "birth_year": current_year() - age if age else None,
                "preferred_language": language,
                "password": make_password(settings.DEMO_PASSWORD),
            },
        )
        if created:
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )


def _translated(prefix, values):
    return {f"{prefix}_{code}": value for code, value in values.items()}


def _load_index():
    index = TrackIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first()
        index = TrackIndexPage(
            show_in_menus=True,
            **_translated("title", INDEX["title"]),
            **_translated("slug", INDEX["slug"]),
            **_translated("intro", INDEX["intro"]),
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    _link_home_section(index)
    return index


def _link_home_section(index):
    """The home page's "Your idea counts" section links to the tracks."""
    home = HomePage.objects.first()
    changed = False
    for code in ("nl", "fr", "en"):
        blocks = getattr(home, f"sections_{code}").raw_data
        updated = []
        for block in blocks:
            value = dict(block["value"])
            if (
                block["type"] == "section"
                and value.get("icon_name") == "ideas"
                and value.get("link_page") != index.pk
            ):
                value["link_page"] = index.pk
                changed = True
            updated.append({**block, "value": value})
        setattr(home, f"sections_{code}", updated)
    if changed:
        home.save_revision().publish()


def _phases(today, specs):
    return [
        Phase(
            kind=kind,
            sort_order=order,
            start_date=today + datetime.timedelta(days=start),
            end_date=today + datetime.timedelta(days=end),
            **_translated("description", description),
        )
        for order, (kind, start, end, description) in enumerate(specs)
    ]


def _track(index, spec, today):
    existing = TrackPage.objects.filter(slug_nl=spec["slug"]["nl"]).first()
    if existing:
        return existing, False
    track = TrackPage(
        **_translated("title", spec["title"]),
        **_translated("slug", spec["slug"]),
        **_translated("intro", spec["intro"]),
        **_translated("goal", spec["goal"]),
        **_translated("audience", spec["audience"]),
        **_translated("place_name", spec["place"]),
        organisation=Organisation.objects.filter(name=spec["organisation"]).first(),
        responsible=_person(spec["responsible"]),
        responsible_name=spec["responsible_name"],
        latitude=services.coordinate(spec.get("latitude")),
        longitude=services.coordinate(spec.get("longitude")),
        votes_per_participant=spec.get("votes", 3),
        phases=_phases(today, spec["phases"]),
    )
    index.add_child(instance=track)
    track.save_revision().publish()
    return TrackPage.objects.get(pk=track.pk), True


def _workshop(track, code, title, facilitator, starts_at, ends_at, keep_open):
    workshop, created = Workshop.objects.get_or_create(
        code=code,
        defaults={
            "track": track,
            "title": title,
            "facilitator": facilitator,
            "organisation": track.organisation,
            "starts_at": starts_at,
            "ends_at": ends_at,
        },
    )
    if keep_open and not workshop.is_open:
        # `make run` days later: the demo's workshop is open again.
        workshop.starts_at, workshop.ends_at = starts_at, ends_at
        workshop.save(update_fields=["starts_at", "ends_at"])
    return workshop


def _approve(contribution, moderator, at=None):
    contribution.moderation = Moderation.PUBLISHED
    contribution.moderated_at = at or timezone.now()
    contribution.save(update_fields=["moderation", "moderated_at", "updated_at"])
    target = {"idea": contribution} if isinstance(contribution, Idea) else {"comment": contribution}
    ModerationAction.objects.create(action=ModerationActionKind.APPROVE, moderator=moderator, **target)
    if isinstance(contribution, Comment):
        services.refresh_counts(contribution.idea)


def _post(track, *, title, body, language, when, author=None, participant=None, approve_by=None, **extra):
    idea = services.post_idea(
        track=track,
        title=title,
        body=body,
        language=language,
        author=author,
        participant=participant,
        check_phase=False,
        check_rate=False,
        **extra,
    )
    Idea.objects.filter(pk=idea.pk).update(created_at=when)
    idea.refresh_from_db()
    if approve_by is not None and idea.is_held:
        _approve(idea, approve_by, at=when + datetime.timedelta(hours=3))
        idea.refresh_from_db()
    return idea


def _comment(idea, *, body, language, author, parent=None, approve_by=None):
    comment = services.post_comment(
        idea=idea,
        body=body,
        language=language,
        author=author,
        parent=parent,
        check_phase=False,
        check_rate=False,
    )
    if approve_by is not None and comment.is_held:
        _approve(comment, approve_by)
    return comment


def _support(idea, *users):
    for user in users:
        if user.pk != idea.author_id:
            services.toggle_support(idea, user=user, check_phase=False)


TRACKS = {
    "square": {
        "title": {
            "nl": "Ons pleintje na school",
            "fr": "Notre placette après l'école",
            "en": "Our square after school",
        },
        "slug": {"nl": "ons-pleintje", "fr": "notre-placette", "en": "our-square"},
        "intro": {
            "nl": "Het pleintje aan het Dapperheidsplein wordt heraangelegd. Wat willen kinderen, jongeren en ouders er na school kunnen doen?",
            "fr": "La placette de la place de la Vaillance va être réaménagée. Qu'est-ce que les enfants, les jeunes et les parents veulent pouvoir y faire après l'école ?",
            "en": "The little square at Dapperheidsplein is being redesigned. What do children, young people and parents want to do there after school?",
        },
        "goal": {
            "nl": "We verzamelen ideeën tot het einde van de maand. De gemeente kiest samen met ons de plannen, en we vertellen je wat er met elk idee gebeurt.",
            "fr": "Nous récoltons les idées jusqu'à la fin du mois. La commune choisit les plans avec nous, et nous te disons ce que devient chaque idée.",
            "en": "We collect ideas until the end of the month. The municipality chooses the plans with us, and we tell you what happens with each idea.",
        },
        "audience": {
            "nl": "Kinderen van 6 tot 12, jongeren en ouders uit Kuregem",
            "fr": "Enfants de 6 à 12 ans, jeunes et parents de Cureghem",
            "en": "Children aged 6 to 12, young people and parents from Kuregem",
        },
        "place": {
            "nl": "Dapperheidsplein, Kuregem",
            "fr": "Place de la Vaillance, Cureghem",
            "en": "Dapperheidsplein, Kuregem",
        },
        "latitude": 50.8357,
        "longitude": 4.3127,
        "organisation": "Huiswerkschool De Brug",
        "responsible": "partner@example.org",
        "responsible_name": "Els, Huiswerkschool De Brug",
        "phases": [
            (
                PhaseKind.INFORMATION,
                -30,
                -15,
                {
                    "nl": "We stellen de plannen voor op school en in de huiswerkklas.",
                    "fr": "Nous présentons les plans à l'école et à l'école de devoirs.",
                    "en": "We present the plans at school and in the homework club.",
                },
            ),
            (
                PhaseKind.COLLECTING,
                -14,
                14,
                {
                    "nl": "Geef je idee hier, of tijdens een workshop in de klas.",
                    "fr": "Donne ton idée ici, ou pendant un atelier en classe.",
                    "en": "Share your idea here, or during a workshop in class.",
                },
            ),
            (
                PhaseKind.PRIORITISING,
                15,
                28,
                {
                    "nl": "Iedereen verdeelt 3 stemmen.",
                    "fr": "Chacun répartit 3 voix.",
                    "en": "Everybody spreads 3 votes.",
                },
            ),
            (
                PhaseKind.RESULTS,
                29,
                90,
                {
                    "nl": "Wat we doen met elk idee.",
                    "fr": "Ce que nous faisons de chaque idée.",
                    "en": "What we do with each idea.",
                },
            ),
        ],
    },
    "homework": {
        "title": {
            "nl": "De huiswerkklas van morgen",
            "fr": "L'école de devoirs de demain",
            "en": "Tomorrow's homework club",
        },
        "slug": {
            "nl": "huiswerkklas-van-morgen",
            "fr": "ecole-de-devoirs-de-demain",
            "en": "tomorrows-homework-club",
        },
        "intro": {
            "nl": "Jongeren en ouders gaven ideeën om de huiswerkklas beter te maken. Nu kies jij: welke ideeën vind jij het belangrijkst?",
            "fr": "Jeunes et parents ont proposé des idées pour améliorer l'école de devoirs. À toi de choisir : quelles idées trouves-tu les plus importantes ?",
            "en": "Young people and parents proposed ideas to make the homework club better. Now you choose: which ideas matter most to you?",
        },
        "goal": {
            "nl": "De drie ideeën met de meeste stemmen proberen we volgend trimester uit.",
            "fr": "Nous essayerons les trois idées qui ont le plus de voix au prochain trimestre.",
            "en": "We will try the three ideas with the most votes next term.",
        },
        "audience": {
            "nl": "Jongeren van 12 tot 18 en hun ouders",
            "fr": "Jeunes de 12 à 18 ans et leurs parents",
            "en": "Young people aged 12 to 18 and their parents",
        },
        "place": {
            "nl": "Jeugdhuis Peterbos",
            "fr": "Maison de jeunes Peterbos",
            "en": "Peterbos youth centre",
        },
        "organisation": "Jeugdhuis Peterbos",
        "responsible": "coordinator@example.org",
        "responsible_name": "Karim, coördinator",
        "votes": 3,
        "phases": [
            (
                PhaseKind.COLLECTING,
                -40,
                -15,
                {"nl": "Ideeën geven.", "fr": "Donner des idées.", "en": "Sharing ideas."},
            ),
            (
                PhaseKind.DISCUSSING,
                -14,
                -3,
                {
                    "nl": "Reageren op elkaars ideeën.",
                    "fr": "Réagir aux idées des autres.",
                    "en": "Reacting to each other's ideas.",
                },
            ),
            (
                PhaseKind.PRIORITISING,
                -2,
                12,
                {"nl": "Verdeel je 3 stemmen.", "fr": "Répartis tes 3 voix.", "en": "Spread your 3 votes."},
            ),
            (
                PhaseKind.RESULTS,
                13,
                60,
                {
                    "nl": "De keuze en wat we ermee doen.",
                    "fr": "Le choix et ce que nous en faisons.",
                    "en": "The choice and what we do with it.",
                },
            ),
        ],
    },
    "summer": {
        "title": {"nl": "Zomer op het plein", "fr": "L'été sur la place", "en": "Summer on the square"},
        "slug": {"nl": "zomer-op-het-plein", "fr": "ete-sur-la-place", "en": "summer-on-the-square"},
        "intro": {
            "nl": "Vorig schooljaar vroegen we kinderen en ouders wat ze in de zomer op het plein willen doen. Hier lees je wat we met hun ideeën gedaan hebben.",
            "fr": "L'an dernier, nous avons demandé aux enfants et aux parents ce qu'ils voulaient faire sur la place en été. Voici ce que nous avons fait de leurs idées.",
            "en": "Last school year we asked children and parents what they want to do on the square in summer. Here is what we did with their ideas.",
        },
        "goal": {
            "nl": "“Het was tof dat er geluisterd werd naar wat we te vertellen hadden.” Elk idee kreeg een antwoord.",
            "fr": "« C'était chouette qu'on écoute ce qu'on avait à dire. » Chaque idée a reçu une réponse.",
            "en": "“It was great that they listened to what we had to say.” Every idea got an answer.",
        },
        "audience": {
            "nl": "Kinderen, jongeren en gezinnen",
            "fr": "Enfants, jeunes et familles",
            "en": "Children, young people and families",
        },
        "place": {"nl": "Het plein van Kuregem", "fr": "La place de Cureghem", "en": "The square in Kuregem"},
        "latitude": 50.8366,
        "longitude": 4.3139,
        "organisation": "Huiswerkschool De Brug",
        "responsible": "partner@example.org",
        "responsible_name": "Els, Huiswerkschool De Brug",
        "phases": [
            (
                PhaseKind.COLLECTING,
                -150,
                -120,
                {"nl": "Ideeën geven.", "fr": "Donner des idées.", "en": "Sharing ideas."},
            ),
            (PhaseKind.PRIORITISING, -119, -100, {"nl": "Stemmen.", "fr": "Voter.", "en": "Voting."}),
            (
                PhaseKind.RESULTS,
                -99,
                120,
                {
                    "nl": "Wat er met elk idee gebeurd is.",
                    "fr": "Ce que chaque idée est devenue.",
                    "en": "What happened with each idea.",
                },
            ),
        ],
    },
}


def _load_square(track, now, moderator):
    els = _person("partner@example.org")
    samira = _person("parent@example.org")
    jonas = _person("youth@example.org")
    grace, fatima, lucas = (
        _person("grace@example.org"),
        _person("fatima@example.org"),
        _person("lucas@example.org"),
    )
    ines = _person("ines@example.org")
    workshop = _workshop(
        track,
        OPEN_WORKSHOP_CODE,
        "Ideeënworkshop 5de leerjaar",
        els,
        now - datetime.timedelta(hours=1),
        now + datetime.timedelta(days=7),
        keep_open=True,
    )
    children = {
        name: WorkshopParticipant.objects.create(workshop=workshop, nickname=name, age_band=AgeBand.AGE_9_11)
        for name in ("Aya", "Milan", "Yanis", "Lina")
    }
    day = datetime.timedelta(days=1)
    climbing = _post(
        track,
        title="Een klimrek met een touwbrug",
        body="Zoals in het park, maar dan groter. En met een glijbaan.",
        language="nl",
        participant=children["Aya"],
        when=now - 2 * day,
        approve_by=moderator,
    )
    shade = _post(
        track,
        title="Bankjes in de schaduw",
        body="Voor oma en opa, en voor ons als het heet is.",
        language="nl",
        participant=children["Milan"],
        when=now - 2 * day,
        approve_by=moderator,
    )
    football = _post(
        track,
        title="Un terrain de foot avec de vrais buts",
        body="Avec un filet pour que le ballon ne parte pas sur la rue.",
        language="fr",
        participant=children["Yanis"],
        when=now - 2 * day,
        approve_by=moderator,
    )
    # A child's idea a moderator has not seen yet.
    _post(
        track,
        title="Een moestuintje",
        body="Met aardbeien en tomaten die we zelf water geven.",
        language="nl",
        participant=children["Lina"],
        when=now - datetime.timedelta(hours=2),
    )
    roof = _post(
        track,
        title="Een overdekte plek voor als het regent",
        body="We willen ook buiten spelen als het regent. Een groot dak met bankjes eronder.",
        language="nl",
        author=els,
        on_behalf_group="12 kinderen van het 5de leerjaar",
        group_size=12,
        age_band=AgeBand.AGE_9_11,
        when=now - 2 * day,
        approve_by=moderator,
    )
    bench = _post(
        track,
        title="Un banc pour les parents près de l'entrée de l'école",
        body="Quand on attend les enfants, il n'y a nulle part où s'asseoir. Un banc et un peu d'ombre, ce serait déjà bien.",
        language="fr",
        author=samira,
        latitude=50.8359,
        longitude=4.3131,
        when=now - 5 * day,
    )
    lights = _post(
        track,
        title="Better lights in the evening",
        body="In winter it is dark at 5 pm. With more light, parents would let their children play outside longer.",
        language="en",
        author=grace,
        latitude=50.8354,
        longitude=4.3122,
        when=now - 4 * day,
    )
    water = _post(
        track,
        title="Een drinkfontein",
        body="Na het voetballen hebben de kinderen dorst. Een drinkfontein is gezond en goedkoop.",
        language="nl",
        author=fatima,
        latitude=50.8361,
        longitude=4.3126,
        when=now - 3 * day,
    )
    # A youth under the review age: waits for a moderator.
    _post(
        track,
        title="Een plek om te chillen voor tieners",
        body="Niet alleen speeltuigen voor kleine kinderen. Een paar bankjes in een hoek en wifi.",
        language="nl",
        author=jonas,
        when=now - datetime.timedelta(hours=5),
    )
    # Held automatically: a phone number in the text.
    _post(
        track,
        title="Petanque pour les voisins",
        body="Je peux aider à organiser. Appelez-moi au 0475 12 34 56.",
        language="fr",
        author=lucas,
        when=now - datetime.timedelta(hours=8),
    )
    _comment(bench, body="Oui ! Et une poubelle à côté du banc.", language="fr", author=lucas)
    first = _comment(lights, body="Goed idee, nu is het daar echt donker.", language="nl", author=fatima)
    _comment(
        lights,
        body="Thank you! Maybe lights that switch off at 10 pm for the neighbours.",
        language="en",
        author=grace,
        parent=first,
    )
    _comment(football, body="Trop bien, je veux jouer aussi !", language="fr", author=ines)
    _support(climbing, samira, grace, fatima, ines)
    _support(shade, fatima, grace)
    _support(football, ines, lucas, samira)
    _support(roof, samira, fatima, grace, lucas, ines)
    _support(bench, lucas, fatima)
    _support(lights, fatima, samira)
    _support(water, grace)


def _load_homework(track, now, moderator):
    karim = _person("coordinator@example.org")
    samira, fatima, grace = (
        _person("parent@example.org"),
        _person("fatima@example.org"),
        _person("grace@example.org"),
    )
    ines, youssef = _person("ines@example.org"), _person("youssef@example.org")
    day = datetime.timedelta(days=1)
    quiet = _post(
        track,
        title="Een stille ruimte om te studeren",
        body="In de grote zaal is het te druk. Een klein lokaal waar je in stilte kan werken.",
        language="nl",
        author=youssef,
        when=now - 30 * day,
    )
    maths = _post(
        track,
        title="Aide en maths le samedi matin",
        body="Pendant la semaine on est trop fatigués. Le samedi matin, une heure de maths avec un étudiant.",
        language="fr",
        author=ines,
        when=now - 29 * day,
    )
    parents = _post(
        track,
        title="Tell parents what the children learned",
        body="A short message once a month in our language, so we can help at home.",
        language="en",
        author=grace,
        when=now - 28 * day,
    )
    laptops = _post(
        track,
        title="Laptops lenen voor thuis",
        body="Niet iedereen heeft een computer thuis voor de taken op Smartschool.",
        language="nl",
        author=fatima,
        when=now - 27 * day,
    )
    snack = _post(
        track,
        title="Un goûter sain après l'école",
        body="Les enfants arrivent affamés. Un fruit et de l'eau, ça aide à se concentrer.",
        language="fr",
        author=samira,
        when=now - 26 * day,
    )
    _comment(quiet, body="Ja! Of koptelefoons voor wie het lawaai stoort.", language="nl", author=fatima)
    reply_to = _comment(maths, body="Moi aussi, le samedi c'est mieux.", language="fr", author=youssef)
    _comment(
        maths,
        body="We vragen het aan de studenten van de hogeschool.",
        language="nl",
        author=karim,
        parent=reply_to,
    )
    _comment(
        laptops,
        body="The library lends laptops too, maybe we can work together.",
        language="en",
        author=grace,
    )
    _support(quiet, ines, samira, fatima)
    _support(maths, youssef, samira)
    _support(laptops, grace, samira, ines, youssef)
    _support(snack, fatima, grace)
    _support(parents, samira)
    for voter, choices in (
        (samira, [(snack, 2), (laptops, 1)]),
        (fatima, [(laptops, 2), (quiet, 1)]),
        (ines, [(maths, 3)]),
        (youssef, [(quiet, 2)]),
    ):
        for idea, count in choices:
            services.set_votes(idea, count, user=voter, check_phase=False)


def _load_summer(track, now, moderator):
    els = _person("partner@example.org")
    samira, fatima, grace = (
        _person("parent@example.org"),
        _person("fatima@example.org"),
        _person("grace@example.org"),
    )
    lucas, ines = _person("lucas@example.org"), _person("ines@example.org")
    day = datetime.timedelta(days=1)
    workshop = _workshop(
        track,
        ENDED_WORKSHOP_CODE,
        "Workshop in de huiswerkklas",
        els,
        now - 140 * day,
        now - 140 * day + datetime.timedelta(hours=2),
        keep_open=False,
    )
    kids = {
        name: WorkshopParticipant.objects.create(workshop=workshop, nickname=name, age_band=AgeBand.AGE_6_8)
        for name in ("Sami", "Noor", "Emma")
    }
    football = _post(
        track,
        title="Elke dag voetbal op het plein",
        body="Met een echte trainer en hesjes.",
        language="nl",
        participant=kids["Sami"],
        when=now - 140 * day,
        approve_by=moderator,
    )
    pool = _post(
        track,
        title="Een zwembad op het plein",
        body="Een groot zwembad met een duikplank!",
        language="nl",
        participant=kids["Noor"],
        when=now - 140 * day,
        approve_by=moderator,
    )
    chalk = _post(
        track,
        title="Stoepkrijt en grote spellen",
        body="Tekenen op de grond en een reuzen-vier-op-een-rij.",
        language="nl",
        participant=kids["Emma"],
        when=now - 140 * day,
        approve_by=moderator,
    )
    cinema = _post(
        track,
        title="Cinéma en plein air",
        body="Un film le vendredi soir pour toutes les familles, avec des coussins.",
        language="fr",
        author=samira,
        when=now - 135 * day,
    )
    books = _post(
        track,
        title="A reading corner with books in many languages",
        body="My children read in English and Dutch. Other children in Arabic or Turkish.",
        language="en",
        author=grace,
        when=now - 130 * day,
    )
    water = _post(
        track,
        title="Waterspelen als het warm is",
        body="Sproeiers voor de kleintjes.",
        language="nl",
        author=fatima,
        when=now - 128 * day,
    )
    _support(football, samira, fatima, grace, lucas, ines)
    _support(cinema, fatima, grace, lucas)
    _support(pool, lucas, ines)
    _support(books, samira)
    from activities.models import Activity

    sport = Activity.objects.filter(
        title_nl__in=["Pleinsport na school", "Minivoetbal op het pleintje"]
    ).first()
    statuses = [
        (
            football,
            IdeaStatus.UNDER_CONSIDERATION,
            110,
            {
                "nl": "Veel kinderen vroegen dit. We zoeken een trainer.",
                "fr": "Beaucoup d'enfants l'ont demandé. Nous cherchons un entraîneur.",
                "en": "Many children asked for this. We are looking for a coach.",
            },
        ),
        (
            football,
            IdeaStatus.REALISED,
            60,
            {
                "nl": "Gelukt! Elke woensdag en vrijdag is er pleinsport met een trainer. Kom gratis meedoen.",
                "fr": "C'est fait ! Chaque mercredi et vendredi, il y a du sport sur la place avec un entraîneur. Viens gratuitement.",
                "en": "Done! Every Wednesday and Friday there is sport on the square with a coach. Join for free.",
            },
        ),
        (
            pool,
            IdeaStatus.NOT_POSSIBLE,
            100,
            {
                "nl": "Een zwembad is te duur en te gevaarlijk op een plein. Daarom komen er waterspelen: zie het idee van Fatima.",
                "fr": "Une piscine coûte trop cher et est dangereuse sur une place. Il y aura donc des jeux d'eau : voir l'idée de Fatima.",
                "en": "A pool is too expensive and unsafe on a square. So there will be water play instead: see Fatima's idea.",
            },
        ),
        (
            water,
            IdeaStatus.ACCEPTED,
            100,
            {
                "nl": "De gemeente plaatst volgende zomer sproeiers op het plein.",
                "fr": "La commune installera des jeux d'eau sur la place l'été prochain.",
                "en": "The municipality will put water sprinklers on the square next summer.",
            },
        ),
        (
            cinema,
            IdeaStatus.REALISED,
            70,
            {
                "fr": "Trois soirées cinéma ont eu lieu en juillet, avec plus de 200 personnes. Merci pour l'idée !",
                "nl": "In juli waren er drie filmavonden met meer dan 200 mensen. Bedankt voor het idee!",
            },
        ),
        (
            chalk,
            IdeaStatus.REALISED,
            80,
            {
                "nl": "De huiswerkschool kocht stoepkrijt en grote spellen. Ze liggen elke woensdag klaar.",
            },
        ),
        (
            books,
            IdeaStatus.UNDER_CONSIDERATION,
            90,
            {
                "en": "We are talking with the library about a summer book box in several languages.",
                "nl": "We praten met de bib over een zomerse boekenkast in verschillende talen.",
            },
        ),
    ]
    for idea, status, days_ago, explanations in statuses:
        services.record_status(
            idea, status, explanations=explanations, changed_by=els, at=now - days_ago * day
        )
    if sport is not None:
        Idea.objects.filter(pk=football.pk).update(activity=sport)


LOADERS = {"square": _load_square, "homework": _load_homework, "summer": _load_summer}


def load():
    today = timezone.localdate()
    now = timezone.now()
    _load_people()
    index = _load_index()
    moderator = _person("moderator@example.org")
    created = 0
    for key, spec in TRACKS.items():
        track, was_created = _track(index, spec, today)
        if was_created:
            LOADERS[key](track, now, moderator)
            created += 1
        elif key == "square":
            workshop = Workshop.objects.filter(code=OPEN_WORKSHOP_CODE).first()
            if workshop is not None and not workshop.is_open:
                workshop.starts_at = now - datetime.timedelta(hours=1)
                workshop.ends_at = now + datetime.timedelta(days=7)
                workshop.save(update_fields=["starts_at", "ends_at"])
    held = Idea.objects.held().count()
    return (
        f"{created} co-creation tracks created ({TrackPage.objects.count()} in all), "
        f"{Idea.objects.count()} ideas ({held} waiting for review); "
        f"open children's workshop: code {OPEN_WORKSHOP_CODE}"
    )
