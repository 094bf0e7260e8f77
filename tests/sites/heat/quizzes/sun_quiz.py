"""sun-quiz: a scored quiz on the sunburn article, one question of each choice kind."""

from __future__ import annotations

from quizkit import MultipleChoice, Option, Quiz, SingleChoice, YesNo

sun_quiz = Quiz(
    id="sun-quiz",
    title="Test what you know about sunburn",
    intro="Four short questions. You get an explanation for each answer.",
    questions=[
        SingleChoice(
            "uv",
            "From what UV index should you protect your skin?",
            options=[
                Option("3", "3 or more", correct=True),
                Option("8", "8 or more", feedback="That is later than the advice."),
                Option("11", "Only at 11 or more", feedback="That is far too late."),
            ],
            explanation="Protect your skin when the UV index is 3 or more [@who-uv].",
        ),
        YesNo(
            "cloud",
            "Can the UV be high on a cloudy day?",
            correct=True,
            no_feedback="Clouds do not always block it.",
            explanation="The UV can be high even when there are clouds [@who-uv].",
        ),
        MultipleChoice(
            "treat",
            "Which of these help sunburn? Tick all that apply.",
            required=True,
            options=[
                Option("cool", "A cool shower or a damp towel", correct=True),
                Option("water", "Drinking plenty of water", correct=True),
                Option("sun", "Staying in the sun", feedback="Get out of the sun."),
            ],
            explanation="Get out of the sun, cool the skin and drink plenty of water "
            "[@nhs-sunburn].",
        ),
        SingleChoice(
            "heal",
            "How long does sunburn usually take to get better?",
            options=[
                Option("week", "Within 7 days", correct=True),
                Option("month", "About a month"),
            ],
            explanation="Sunburn usually gets better within 7 days [@nhs-sunburn].",
        ),
    ],
    links=[("What helps", "#what-helps"), ("Protect your skin", "#protect-your-skin")],
)
