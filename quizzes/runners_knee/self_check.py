"""runners-knee-self-check: does your knee pain fit the runner's knee pattern?

Education, not triage, but never under-triage. The warning signs come first, each leading to
a care tier (quizkit decides those results alone: the most urgent tier answered "yes" wins,
whatever the other answers). Only with no warning sign do the symptom questions count; they
lead at most to "see someone soon". The article's "When to see a doctor" boxes list the same
signs under the same tiers (tests/quizzes/test_rk_self_check.py keeps the two in step).
"""

from __future__ import annotations

from quizkit import (
    Decision,
    MultipleChoice,
    Option,
    Outcome,
    RedFlag,
    SelfCheck,
    SingleChoice,
    Values,
)
from quizkit import YesNo as _YesNo
from quizkit.care import EMERGENCY, SELF_CARE, SOON, URGENT

#: The warning signs, most urgent first, in the order of the article's boxes.
RED_FLAGS = [
    RedFlag(
        "calf_breathless",
        "Do you have pain or swelling in your calf, and also chest pain or trouble breathing?",
        EMERGENCY,
        "You have pain or swelling in your calf, and chest pain or trouble breathing. This "
        "can be a blood clot that has reached the lungs [@nhs-dvt].",
    ),
    RedFlag(
        "cold_leg",
        "Is your leg or foot below the knee cold, pale or blue?",
        EMERGENCY,
        "Your leg or foot below the knee is cold, pale or blue. This can mean that blood is "
        "not getting through.",
    ),
    RedFlag(
        "deformity",
        "After an injury, does your knee look out of shape, or has your kneecap moved out of "
        "place?",
        EMERGENCY,
        "After an injury, your knee looks out of shape, or your kneecap has moved out of "
        "place [@nhs-dislocated-kneecap].",
    ),
    RedFlag(
        "fast_swelling",
        "Did your knee swell up fast, within hours of an injury, or after you felt a pop?",
        EMERGENCY,
        "Your knee swelled up fast after an injury, or after you felt a pop "
        "[@nhs-dislocated-kneecap].",
    ),
    RedFlag(
        "no_weight",
        "Are you unable to put weight on your leg, or to stand on it?",
        URGENT,
        "You cannot put weight on your leg [@nhs-dislocated-kneecap].",
    ),
    RedFlag(
        "hot_fever",
        "Is your knee hot and red, and do you have a fever or feel unwell?",
        URGENT,
        "Your knee is hot and red, and you have a fever or feel unwell. This can be an "
        "infection in the joint [@nhs-septic-arthritis].",
    ),
    RedFlag(
        "calf",
        "Do you have pain or swelling in the calf of one leg?",
        URGENT,
        "You have pain or swelling in one calf. This can be a blood clot [@nhs-dvt].",
    ),
    RedFlag(
        "locked",
        "Is your knee locked, so that you cannot straighten it?",
        URGENT,
        "Your knee is locked and will not straighten.",
    ),
    RedFlag(
        "child_limp",
        "Is this for a child or teen (under 18) who limps, has sudden pain in the hip, groin, "
        "thigh or knee, or will not put weight on the leg?",
        URGENT,
        "A child or teen limps, has sudden pain in the hip, groin, thigh or knee, or will "
        "not put weight on the leg [@nhs-irritable-hip].",
        help="Answer no if the person with knee pain is 18 or older.",
    ),
    RedFlag(
        "night_pain",
        "Does the pain wake you at night, or is it there even when you rest?",
        SOON,
        "The pain wakes you at night, or is there even at rest [@nhs-bone-cancer].",
    ),
    RedFlag(
        "numbness",
        "Do you have numbness or tingling in your leg or foot, without an injury?",
        SOON,
        "You have numbness or tingling in your leg or foot.",
    ),
    RedFlag(
        "gives_way",
        "Does your knee keep giving way under you?",
        SOON,
        "Your knee keeps giving way.",
    ),
    RedFlag(
        "weight_loss",
        "Have you lost weight without trying, or have you had cancer before?",
        SOON,
        "You have lost weight without trying, or you have had cancer before [@nhs-bone-cancer].",
    ),
    RedFlag(
        "under_18",
        "Is the person with knee pain under 18 years old?",
        SOON,
        "The knee pain is in a child or teen. A doctor should check it: in young people, a "
        "problem in the hip can show up as pain in the knee [@nhs-irritable-hip].",
        help="If you are a parent or carer filling this in for a child, answer every question "
        "for the child.",
    ),
]

ACTIVITIES = [
    Option("stairs", "Going up or down stairs"),
    Option("squatting", "Squatting"),
    Option("kneeling", "Kneeling"),
    Option("sitting", "Sitting for a long time with bent knees"),
    Option("running", "Running or walking"),
]

SEE_DOCTOR = ("When to get help", "#when-to-see-a-doctor")
SYMPTOMS = ("Symptoms of runner's knee", "#symptoms")
NOT_BETTER = (
    "If it is not better after 2 to 3 weeks of home care, or it gets worse, see a GP or a "
    "physiotherapist."
)

OUTCOMES = [
    Outcome(
        "pattern",
        "Your answers fit the runner's knee pattern",
        "Pain around the kneecap that gets worse when you bend your knee is the typical "
        f"pattern of runner's knee [@aaos-pfps]. Most people can start to treat it at home. "
        f"{NOT_BETTER}",
        tier=SELF_CARE,
        links=[
            ("What is runner's knee?", "#what-is-runners-knee"),
            SYMPTOMS,
            ("Home treatment", "#home-treatment"),
            ("Returning to running", "#returning-to-running"),
        ],
    ),
    Outcome(
        "unclear",
        "Your answers only partly fit the pattern",
        "Some of your answers fit runner's knee, but not all of them. Read about the "
        f"symptoms. {NOT_BETTER}",
        tier=SELF_CARE,
        links=[SYMPTOMS, ("Diagnosis", "#diagnosis"), SEE_DOCTOR],
    ),
    Outcome(
        "below-kneecap",
        "Pain just below the kneecap fits jumper's knee better",
        "Pain in the tendon just below the kneecap is more likely to be jumper's knee. That "
        "is a different problem, and it is treated in a different way [@crossley2015]. A GP "
        "or a physiotherapist can find out which one you have.",
        tier=SOON,
        links=[SYMPTOMS, ("Diagnosis", "#diagnosis"), SEE_DOCTOR],
    ),
    Outcome(
        "not-pattern",
        "This does not fit the runner's knee pattern",
        "Runner's knee hurts at the front of the knee, around the kneecap. Pain in another "
        "place has other causes, which need other care. A GP or a physiotherapist can find "
        "out what is going on.",
        tier=SOON,
        links=[SYMPTOMS, ("Diagnosis", "#diagnosis"), SEE_DOCTOR],
    ),
]

_ACTIVITY_WORDS = {o.value: o.label.lower() for o in ACTIVITIES}


def _risk_reasons(values: Values) -> list[str]:
    """The answers that are known risk factors; they add to the reasons, never decide."""
    reasons = []
    if values["popping"]:
        reasons.append(
            "Popping or grinding when you bend the knee is common in runner's knee [@aaos-pfps]."
        )
    if values["training"]:
        reasons.append(
            "A recent jump in how much you run can overload the knee [@urmc-runners-knee]."
        )
    if values["shoes"] in ("300-400", "over-400"):
        reasons.append(
            "Your shoes may be worn out: replace them every 300 to 400 miles "
            "(about 480 to 640 km) [@urmc-runners-knee]."
        )
    if values["flat_feet"] == "yes":
        reasons.append(
            "Flat feet change how your foot and leg move when you run [@takabayashi2021]."
        )
    if values["knees"] == "both":
        reasons.append("Runner's knee can be in one knee or both.")
    return reasons


def decide(values: Values) -> Decision:
    """Where and when it hurts (quizkit has already handled every warning sign)."""
    where, when = values["where"], values["when"]
    if where == "below":
        return Decision("below-kneecap", ["Your pain is just below the kneecap."])
    if where == "elsewhere":
        return Decision(
            "not-pattern", ["Your pain is not at the front of the knee, around the kneecap."]
        )
    triggers = ", ".join(_ACTIVITY_WORDS[a] for a in when)
    if where == "front" and when:
        return Decision(
            "pattern",
            [
                "Your pain is at the front of the knee, around the kneecap.",
                f"It hurts with activities that bend the knee: {triggers}.",
                *_risk_reasons(values),
            ],
        )
    reasons = [
        "You are not sure where the pain is."
        if where == "not-sure"
        else "Your pain is at the front of the knee, around the kneecap."
    ]
    reasons.append(
        f"It hurts with: {triggers}."
        if when
        else "None of the usual activities (stairs, squatting, kneeling, long sitting, "
        "running) makes it hurt."
    )
    return Decision("unclear", [*reasons, *_risk_reasons(values)])


QUESTIONS = [
    SingleChoice(
        "where",
        "Where does your knee hurt most?",
        options=[
            Option("front", "At the front, around or behind the kneecap"),
            Option("below", "Just below the kneecap, on the tendon"),
            Option("elsewhere", "Somewhere else: the inside, outside or back of the knee"),
            Option("not-sure", "I am not sure"),
        ],
    ),
    MultipleChoice(
        "when",
        "When does it hurt? Tick all that apply.",
        options=ACTIVITIES,
        help="Leave all boxes empty if none of these makes it hurt.",
    ),
    _YesNo("popping", "Do you hear or feel popping or grinding when you bend your knee?"),
    _YesNo("training", "Have you recently started to run more, faster or more often?"),
    SingleChoice(
        "shoes",
        "About how far have you run in your current running shoes?",
        options=[
            Option("under-300", "Less than 300 miles (480 km)"),
            Option("300-400", "300 to 400 miles (480 to 640 km)"),
            Option("over-400", "More than 400 miles (640 km)"),
            Option("not-sure", "I do not know"),
        ],
    ),
    SingleChoice(
        "flat_feet",
        "Do you have flat feet?",
        options=[Option("yes", "Yes"), Option("no", "No"), Option("not-sure", "I do not know")],
    ),
    SingleChoice(
        "knees",
        "Does it hurt in one knee or both?",
        options=[Option("one", "One knee"), Option("both", "Both knees")],
    ),
]

#: One answer set per outcome, so the build sees every outcome reached.
_CALM = {flag.id: "no" for flag in RED_FLAGS} | {
    "where": "front",
    "when": ["stairs", "squatting"],
    "popping": "yes",
    "training": "yes",
    "shoes": "over-400",
    "flat_feet": "yes",
    "knees": "both",
}
SAMPLES = [
    _CALM,
    _CALM | {"hot_fever": "yes"},
    _CALM | {"where": "not-sure"},
    _CALM | {"where": "below"},
    _CALM | {"where": "elsewhere"},
]

runners_knee_self_check = SelfCheck(
    id="runners-knee-self-check",
    title="Does your knee pain fit the runner's knee pattern?",
    intro="Answer a few questions about your knee. The first questions look for warning "
    "signs: if you answer yes to one, you see what to do straight away, and the other "
    "questions become optional. If you are filling this in for a child, answer for them. "
    "Your answers stay in your browser. This is not a diagnosis: it helps you learn which "
    "parts of this guide fit you.",
    red_flags=RED_FLAGS,
    red_flag_links=[SEE_DOCTOR],
    questions=QUESTIONS,
    outcomes=OUTCOMES,
    decide=decide,
    sample_answers=SAMPLES,
)
