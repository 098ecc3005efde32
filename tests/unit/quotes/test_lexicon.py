"""The rule data: loads, and its contents are pinned (change the snapshot on purpose)."""

from __future__ import annotations

from pipeline.quotes.lexicon import load_lexicon


def test_lexicon_snapshot() -> None:
    lex = load_lexicon()
    assert lex.version == "verbs-v5/speakers-v6/names-v1"
    assert len(lex.verb_frames) == 100
    for lemma in ("say", "tell", "add", "stress", "note", "recall", "emphasize", "deny", "urge", "warn",
                  "explain", "state", "claim", "announce", "declare", "insist"):
        assert lex.takes(lemma, "direct"), lemma
    assert lex.takes("believe", "that") and not lex.takes("believe", "direct")
    assert lex.takes("urge", "to") and not lex.takes("ask", "to")
    assert ("according", "to") in lex.prepositional
    assert ("press", "secretary") in lex.roles["spokesperson"]
    assert ("head", "of", "state") in lex.roles["head_of_state"]
    assert "source" in lex.unnamed_source and "company" in lex.org_descriptions
    assert "source" in lex.anonymous_heads and "diplomat" not in lex.anonymous_heads
    assert lex.first_names["maria"] == "female" and lex.first_names["dmitry"] == "male"
    assert "claim" in lex.speech_nouns and "statement" in lex.speech_nouns
    assert "striker" in lex.person_descriptions and "source" not in lex.person_descriptions
    assert lex.pronoun_class("She") == "female" and lex.pronoun_class("they") == "plural"
    assert "q" in lex.question_labels and "a" in lex.answer_labels
    assert lex.role_group(["press", "secretary"]) == "spokesperson" and lex.role_group(["the", "dog"]) is None
