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

#: The warning signs, most urgent first, in the order of the article's boxes. Written about
#: "the knee" and "the leg", so a parent can answer them for a child.
RED_FLAGS = [
    RedFlag(
        "calf_breathless",
        "Is there pain or swelling in the calf, and also chest pain or trouble breathing?",
        EMERGENCY,
        "There is pain or swelling in the calf, and chest pain or trouble breathing. This can "
        "be a blood clot that has reached the lungs [@nhs-dvt].",
    ),
    RedFlag(
        "cold_leg",
        "Is the leg or foot below the knee cold, pale or blue?",
        EMERGENCY,
        "The leg or foot below the knee is cold, pale or blue. This can mean that blood is "
        "not getting through.",
    ),
    RedFlag(
        "injury_numb",
        "After an injury, is the leg or foot below the knee numb or tingling, or can the "
        "foot not move?",
        EMERGENCY,
        "After an injury, the leg or foot below the knee is numb or tingling, or the foot "
        "cannot move. A nerve or a blood vessel may be hurt.",
    ),
    RedFlag(
        "deformity",
        "After an injury, does the knee look out of shape, or has the kneecap moved out of place?",
        EMERGENCY,
        "After an injury, the knee looks out of shape, or the kneecap has moved out of place "
        "[@nhs-dislocated-kneecap].",
    ),
    RedFlag(
        "fast_swelling",
        "After a recent injury, did the knee swell up a lot within a few hours, or was there "
        "a pop or snap at the moment of the injury?",
        EMERGENCY,
        "After a recent injury, the knee swelled up a lot within hours, or there was a pop "
        "or snap when it happened [@nhs-dislocated-kneecap].",
    ),
    RedFlag(
        "no_weight",
        "Is it impossible to put weight on the leg, or to stand on it?",
        URGENT,
        "The leg cannot take any weight [@nhs-dislocated-kneecap].",
    ),
    RedFlag(
        "kneecap_back",
        "After an injury, do you think the kneecap slipped out of place and then went back?",
        URGENT,
        "After an injury, the kneecap may have slipped out of place and gone back "
        "[@nhs-dislocated-kneecap].",
    ),
    RedFlag(
        "hot_knee",
        "Has the knee suddenly become very painful, swollen or hot, or has the skin over it "
        "changed colour?",
        URGENT,
        "The knee suddenly became very painful, swollen or hot, or the skin over it changed "
        "colour. This can be an infection in the joint [@nhs-septic-arthritis].",
    ),
    RedFlag(
        "fever",
        "Is there a high temperature, or a feeling of being hot and shivery or generally unwell?",
        URGENT,
        "There is a high temperature, or a feeling of being unwell, with the knee pain. "
        "This can be an infection in the joint [@nhs-septic-arthritis].",
    ),
    RedFlag(
        "calf",
        "Is there pain or swelling in the calf of one leg?",
        URGENT,
        "There is pain or swelling in one calf. This can be a blood clot [@nhs-dvt].",
    ),
    RedFlag(
        "locked",
        "Is the knee locked, so that it will not straighten?",
        URGENT,
        "The knee is locked and will not straighten.",
    ),
    RedFlag(
        "child_limp",
        "Is this for a child or teen (under 18) who limps, has sudden pain in the hip, groin, "
        "thigh or knee, or will not put weight on the leg?",
        URGENT,
        "A child or teen limps, has sudden pain in the hip, thigh or knee, or will not put "
        "weight on the leg [@nhs-irritable-hip]. Groin pain counts too: the hip joint is "
        "there.",
        help="Answer no if the person with knee pain is 18 or older.",
    ),
    RedFlag(
        "night_pain",
        "Does the knee pain wake the person at night, or is it there all the time, even when "
        "lying still? (Pain only after sitting with bent knees does not count.)",
        SOON,
        "The pain wakes the person at night, or is there all the time, even at rest "
        "[@nhs-bone-cancer].",
    ),
    RedFlag(
        "numbness",
        "Is there numbness or tingling in the leg or foot, without an injury?",
        SOON,
        "There is numbness or tingling in the leg or foot.",
    ),
    RedFlag(
        "gives_way",
        "Does the knee keep giving way?",
        SOON,
        "The knee keeps giving way.",
    ),
    RedFlag(
        "weight_loss",
        "Has there been weight loss without trying, or cancer in the past?",
        SOON,
        "There has been weight loss without trying, or cancer in the past: see a GP about "
        "this [@nhs-bone-cancer].",
    ),
    RedFlag(
        "under_18",
        "Is the person with knee pain under 18 years old?",
        SOON,
        "The knee pain is in a child or teen. A doctor should check it: in children, a "
        "problem in the hip can cause pain in the knee [@nhs-irritable-hip].",
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
    "As a rule of thumb, if it is not better after 2 to 3 weeks of home care, or it gets "
    "worse, see a GP or a physiotherapist."
)

OUTCOMES = [
    Outcome(
        "pattern",
        "Your answers fit the runner's knee pattern",
        "Pain around the kneecap that gets worse when you bend your knee is the typical "
        f"pattern of runner's knee [@vanderheijden2015]. Most people can start to treat it "
        "at home. "
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
    """Answers about things that may add load to the knee; they add to the reasons, never
    decide."""
    reasons = []
    if values["popping"]:
        reasons.append(
            "Popping or grinding when you bend the knee is common in runner's knee [@aaos-pfps]."
        )
    if values["training"]:
        reasons.append(
            "Running more, faster or more often adds load to the joint behind the kneecap, "
            "and high loads there are thought to play a part [@willy2016]."
        )
    if values["shoes"] in ("300-400", "over-400"):
        reasons.append(
            "Your shoes may be worn out: replace them every 300 to 400 miles "
            "(about 480 to 640 km) [@urmc-runners-knee]."
        )
    if values["flat_feet"] == "yes":
        reasons.append("Feet that roll inward a lot may add strain to the knee [@petersen2014].")
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
    _CALM | {"hot_knee": "yes"},
    _CALM | {"where": "not-sure"},
    _CALM | {"where": "below"},
    _CALM | {"where": "elsewhere"},
]

runners_knee_self_check = SelfCheck(
    id="runners-knee-self-check",
    title="Does your knee pain fit the runner's knee pattern?",
    intro="Answer a few questions about the knee. The first questions look for warning "
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
