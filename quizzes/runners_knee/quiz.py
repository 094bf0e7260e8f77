"""runners-knee-quiz: test what you know about runner's knee (scored, with explanations)."""

from __future__ import annotations

from quizkit import MultipleChoice, Option, Quiz, SingleChoice, YesNo

from quizzes.runners_knee.planner import PAIN_RULE

QUESTIONS = [
    SingleChoice(
        "where",
        "Where do people with runner's knee usually feel pain?",
        options=[
            Option("kneecap", "Around or behind the kneecap", correct=True),
            Option(
                "back",
                "At the back of the knee",
                feedback="Pain at the back of the knee has other causes.",
            ),
            Option(
                "hip",
                "On the outside of the hip",
                feedback="The hip is not where runner's knee hurts.",
            ),
        ],
        explanation="Runner's knee is a dull ache around or behind the kneecap [@aaos-pfps].",
    ),
    MultipleChoice(
        "activities",
        "Which of these often make runner's knee hurt? Tick all that apply.",
        required=True,
        options=[
            Option("stairs", "Going up or down stairs", correct=True),
            Option("squatting", "Squatting or kneeling", correct=True),
            Option("sitting", "Sitting for a long time with bent knees", correct=True),
            Option(
                "lying",
                "Lying in bed with straight legs",
                feedback="Resting with straight legs does not usually hurt.",
            ),
        ],
        explanation="Things that bend the knee again and again, or for a long time, tend to "
        "hurt [@aaos-pfps; @urmc-runners-knee].",
    ),
    SingleChoice(
        "who",
        "Who gets runner's knee more often?",
        options=[
            Option("women", "Women and girls", correct=True),
            Option("men", "Men and boys"),
            Option("same", "Both get it equally often"),
        ],
        explanation="Women and girls get runner's knee more often than men and boys "
        "[@petersen2014].",
    ),
    SingleChoice(
        "increase",
        "When you start running again, what is the common rule of thumb for how much to add "
        "each week?",
        options=[
            Option("5-10", "5 to 10% more time or distance", correct=True),
            Option("25", "25% more", feedback="That is too fast for a healing knee."),
            Option("double", "Double it", feedback="Doubling puts far too much load on the knee."),
            Option(
                "feel",
                "As much as you like if it feels fine today",
                feedback="Pain can show up a day later, so build up step by step.",
            ),
        ],
        explanation="A common rule of thumb is to add no more than 5 to 10% more time or "
        "distance each week [@urmc-runners-knee].",
    ),
    SingleChoice(
        "shoes",
        "How often should you replace your running shoes?",
        options=[
            Option("300-400", "Every 300 to 400 miles (about 480 to 640 km)", correct=True),
            Option(
                "1000",
                "Every 1,000 miles (about 1,600 km)",
                feedback="By then the padding has long worn out.",
            ),
            Option(
                "looks",
                "Only when they look worn out",
                feedback="The padding wears out before the shoe looks old.",
            ),
        ],
        explanation="Replace running shoes every 300 to 400 miles [@urmc-runners-knee].",
    ),
    SingleChoice(
        "exercise",
        "Which treatment is supported by reviews of studies to ease pain and help the knee "
        "work better?",
        options=[
            Option("exercise", "Exercise therapy to make the thigh and hip stronger", correct=True),
            Option(
                "bed-rest",
                "Weeks of bed rest",
                feedback="Complete rest makes muscles weaker. Stay active without pain.",
            ),
            Option(
                "surgery",
                "Surgery right away",
                feedback="Surgery is rarely needed for runner's knee.",
            ),
        ],
        explanation="Reviews of many studies support exercise for the hip and thigh muscles. "
        "It can ease pain and help the knee work better [@vanderheijden2015; @petersen2014].",
    ),
    YesNo(
        "taping",
        "Is taping the knee, on its own, enough to treat runner's knee?",
        correct=False,
        yes_feedback="Taping alone is not enough.",
        explanation="Knee taping can ease pain for a while. It seems to work best as one part "
        "of physical therapy, not on its own [@logan2017].",
    ),
    YesNo(
        "flat-feet",
        "Can flat feet play a part in runner's knee?",
        correct=True,
        no_feedback="They can play a part.",
        explanation="Feet that roll inward too much may add strain to the knee [@petersen2014].",
    ),
    YesNo(
        "cadence",
        "Can shorter, quicker steps lower the load on the knee when you run?",
        correct=True,
        explanation="Runners with knee pain put less load on the joint behind the kneecap "
        "when they took shorter, quicker steps [@bonacci2018].",
    ),
    SingleChoice(
        "ice",
        "How long should you ice a sore knee at one time?",
        options=[
            Option("15", "Up to 15 minutes", correct=True),
            Option("120", "About 2 hours", feedback="That is too long and can hurt your skin."),
        ],
        explanation="Hold a wrapped ice pack on the knee for up to 15 minutes, never straight "
        "on the skin [@nhs-uhmb-knee-pain].",
    ),
    SingleChoice(
        "pain-rule",
        "How much knee pain is OK while you do your exercises?",
        options=[
            Option(
                "rule",
                "Up to 3 out of 10, if it is back to its usual level by the next morning",
                correct=True,
            ),
            Option(
                "none",
                "None at all",
                feedback="Some mild pain is OK. Stopping at any pain can hold you back.",
            ),
            Option(
                "any",
                "Any amount, if you push through it",
                feedback="Too much pain means the knee is taking more than it can handle.",
            ),
        ],
        explanation=f"The pain rule: {PAIN_RULE[0].lower()}{PAIN_RULE[1:]} This is a common "
        "rule of thumb, not a hard limit.",
    ),
    SingleChoice(
        "outlook",
        "In one large study, how many people had not recovered well a year later?",
        options=[
            Option("none", "Almost none"),
            Option("four", "About 4 in 10", correct=True),
            Option("all", "Almost all"),
        ],
        explanation="About 4 in 10 had not recovered well after a year, so keep up your "
        "exercises [@collins2013].",
    ),
    MultipleChoice(
        "red-flags",
        "Which of these are warning signs that need a doctor? Tick all that apply.",
        required=True,
        options=[
            Option("hot", "The knee is hot and red, and you have a fever", correct=True),
            Option("locks", "The knee is locked and will not straighten", correct=True),
            Option("night", "The pain wakes you up at night", correct=True),
            Option(
                "stairs",
                "A dull ache on the stairs",
                feedback="A dull ache on the stairs is typical of runner's knee.",
            ),
        ],
        explanation="A hot, red knee with a fever needs help the same day "
        "[@nhs-septic-arthritis]. So does a knee that is locked. Pain that wakes you at "
        "night needs a doctor within a few days [@nhs-bone-cancer]. See the warning signs "
        'under "When to see a doctor".',
    ),
]

runners_knee_quiz = Quiz(
    id="runners-knee-quiz",
    title="Test what you know about runner's knee",
    intro="Thirteen short questions. You get an explanation for each answer.",
    questions=QUESTIONS,
    links=[
        ("Symptoms", "#symptoms"),
        ("When to see a doctor", "#when-to-see-a-doctor"),
        ("Home treatment", "#home-treatment"),
        ("Exercises", "#exercises"),
        ("Returning to running", "#returning-to-running"),
    ],
)
