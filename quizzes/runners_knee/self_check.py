"""runners-knee-self-check: does your knee pain fit the runner's knee pattern?

Education, not triage. Warning signs come first: ANY of them leads to "Get medical care
promptly", whatever the other answers are. Only then do the symptom questions count.
"""

from __future__ import annotations

from quizkit import Decision, MultipleChoice, Option, Outcome, SelfCheck, SingleChoice, Values
from quizkit import YesNo as _YesNo

#: The warning signs, in the order of the article's "When to see a doctor" box:
#: question id -> (question, the reason shown when the answer is yes).
RED_FLAGS: dict[str, tuple[str, str]] = {
    "swollen": (
        "Is your knee swollen, hot or red, or do you have a fever?",
        "Your knee is swollen, hot or red, or you have a fever.",
    ),
    "no_weight": (
        "Are you unable to put weight on your leg (to stand or walk on it)?",
        "You cannot put weight on your leg.",
    ),
    "gives_way": (
        "Does your knee give way under you, or lock so you cannot move it?",
        "Your knee gives way or locks.",
    ),
    "injury": (
        "Did the pain begin with a fall, a twist or a blow to the knee?",
        "The pain began with a fall, a twist or a blow.",
    ),
    "night_pain": ("Does the pain wake you up at night?", "The pain wakes you up at night."),
    "numbness": (
        "Do you have numbness or tingling in your leg or foot?",
        "You have numbness or tingling in your leg or foot.",
    ),
    "calf": (
        "Does your calf (the back of your lower leg) hurt or look swollen?",
        "Your calf hurts or is swollen.",
    ),
    "under_18": (
        "Are you under 18 years old?",
        "You are under 18. A child or teen with knee pain, a limp or hip pain should "
        "see a doctor: in young people, a hip problem can show up as knee pain.",
    ),
}

ACTIVITIES = [
    Option("stairs", "Going up or down stairs"),
    Option("squatting", "Squatting"),
    Option("kneeling", "Kneeling"),
    Option("sitting", "Sitting for a long time with bent knees"),
    Option("running", "Running or walking"),
]

SEE_DOCTOR = ("When to see a doctor", "#when-to-see-a-doctor")
SYMPTOMS = ("Symptoms of runner's knee", "#symptoms")

OUTCOMES = [
    Outcome(
        "red-flags",
        "Get medical care promptly",
        "You gave at least one answer that is a warning sign. Warning signs can point to a "
        "problem other than runner's knee, such as an infection, a broken bone, a torn "
        "ligament or a blood clot. Please see a doctor soon. If it is severe or sudden, get "
        "urgent care.",
        level="danger",
        links=[SEE_DOCTOR],
    ),
    Outcome(
        "pattern",
        "Your answers sound like the runner's knee pattern",
        "Pain around the kneecap that gets worse when you bend your knee is the typical "
        "pattern of runner's knee [@aaos-pfps]. Most people can start to treat it at home. "
        "If it does not get better in a few weeks, see a doctor or a physical therapist.",
        level="info",
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
        "symptoms. If the pain lasts more than a few weeks or keeps coming back, see a doctor "
        "or a physical therapist.",
        level="warning",
        links=[SYMPTOMS, ("Diagnosis", "#diagnosis"), SEE_DOCTOR],
    ),
    Outcome(
        "not-pattern",
        "This does not fit the runner's knee pattern: see a professional",
        "Runner's knee hurts at the front of the knee, around the kneecap. Pain in another "
        "place has other causes, which need other care. A doctor or a physical therapist can "
        "find out what is going on.",
        level="warning",
        links=[SYMPTOMS, ("Diagnosis", "#diagnosis"), SEE_DOCTOR],
    ),
]

_ACTIVITY_WORDS = {o.value: o.label.lower() for o in ACTIVITIES}


def red_flags(values: Values) -> list[str]:
    """The reasons for each warning sign answered "yes", in question order."""
    return [reason for qid, (_, reason) in RED_FLAGS.items() if values[qid]]


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
    """Warning signs first and alone; then where and when it hurts."""
    flags = red_flags(values)
    if flags:
        return Decision("red-flags", flags)
    where, when = values["where"], values["when"]
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


def _flag_question(qid: str) -> _YesNo:
    prompt = RED_FLAGS[qid][0]
    return _YesNo(
        qid,
        prompt,
        help="Warning sign"
        if qid != "under_18"
        else "Children and teens need a doctor's check for knee pain.",
    )


QUESTIONS = [
    *(_flag_question(qid) for qid in RED_FLAGS),
    SingleChoice(
        "where",
        "Where does your knee hurt most?",
        options=[
            Option("front", "At the front, around or behind the kneecap"),
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
_CALM = {qid: "no" for qid in RED_FLAGS} | {
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
    _CALM | {"swollen": "yes"},
    _CALM | {"where": "not-sure"},
    _CALM | {"where": "elsewhere"},
]

runners_knee_self_check = SelfCheck(
    id="runners-knee-self-check",
    title="Does your knee pain fit the runner's knee pattern?",
    intro="Answer a few questions about your knee. The first questions look for warning "
    "signs that need a doctor. Your answers stay in your browser. This is not a "
    "diagnosis: it helps you learn which parts of this guide fit you.",
    questions=QUESTIONS,
    outcomes=OUTCOMES,
    decide=decide,
    sample_answers=SAMPLES,
)
