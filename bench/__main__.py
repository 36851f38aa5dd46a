"""`python -m bench` lists the benchmarks; `python -m bench NAME [NAME...]` or `all` runs them."""

from __future__ import annotations

import importlib
import sys

# name -> (module with main(), or module:function, what it measures)
BENCHMARKS: dict[str, tuple[str, str]] = {
    "slack": ("bench.slack_acks", "Slack ack latency: coach serve vs bare Bolt, 1/10/50 clients"),
    "slack-inbox": (
        "bench.slack_acks:inbox_main",
        "Slack ack with the inbox write, 1 client, vs bare Bolt (process_before_response)",
    ),
    "keep": ("bench.inbox_keep", "the inbox write alone (CoachAPI.keep), in process: ms, CPU"),
    "teams": ("bench.teams_turns", "Teams turn latency: coach serve vs bare echo bot"),
    "tick": ("bench.tick_cost", "find-and-claim cost with 10k/100k/1M subscriptions, 1,000 due"),
    "fanout": ("bench.fanout", "10,000 nudges to a rate-limited fake Slack; RSS of coach clock"),
    "clock-cpu": ("bench.clock_cpu", "the clock's CPU per nudge, in process, and its top costs"),
    "clocks": ("bench.clocks", "one coach clock vs two on one PostgreSQL, 25 ms per Slack call"),
    "memory": ("bench.memory", "RSS of coach serve over 10,000 mixed requests"),
    "retention": (
        "bench.retention_rekey",
        "daily retention job re-keying 100 educators x 52 reflections; the scrub",
    ),
    "understanding": (
        "bench.understanding",
        "intent, topic, theme and reframe accuracy; ms per message",
    ),
    "shrugs": (
        "bench.shrugs",
        "messages outside a conversation: how many the coach shrugs at (unlabelled sets)",
    ),
    "after-how-it-went": (
        "bench.after_how_it_went",
        "texts typed right after a hello's 'How did it go?': how many the coach shrugs at",
    ),
    "checkins": (
        "bench.checkins",
        "answers typed under the weekly nudge's check-in: heard as done, partly, not yet",
    ),
    "nudge-replies": (
        "bench.nudge_replies",
        "replies typed under the weekly nudge's card: done, skipped, tomorrow or untouched",
    ),
    "whose-silence": (
        "bench.whose_silence",
        "the educator's own unanswered emails vs a family's silence: read right per label",
    ),
    "stuck": (
        "bench.stuck_answers",
        "replies to a reflection's question: help for the stuck, an unsure answer heard",
    ),
    "plain-turns": (
        "bench.plain_turns",
        "a message typed outside any conversation: ms for its whole turn, in process, SQLite",
    ),
    "beside": (
        "bench.beside",
        "typed at a reflection's question or action step: asides answered, answers kept",
    ),
    "situations": (
        "bench.situations",
        "everyday situations asked about: answered right, wrong, none; false answers",
    ),
    "action-questions": (
        "bench.action_questions",
        "questions typed over the action options: answered right, wrong, none; false answers",
    ),
    "reflection-asides": (
        "bench.reflection_asides",
        "asked about a reflection at its questions: answered right, wrong, none; false answers",
    ),
    "option-picks": (
        "bench.option_picks",
        "an action option picked in words: that option, with the words added; no false picks",
    ),
    "theme-cv": (
        "bench.theme_cv",
        "theme model beside the cues: recall and precision on each writer left out",
    ),
    "plan-cv": (
        "bench.action_step",
        "plan model at the action step: steps kept, the rest kept out, each writer left out",
    ),
    "reframe-cv": (
        "bench.reframe_cv",
        "reframe fallback: cross-validated recall and false alarms per cost and threshold",
    ),
}
# Fault drills: run on purpose, by name (not part of `all`, which is the figures).
DRILLS: dict[str, tuple[str, str]] = {
    "drill-kill": ("bench.drills", "SIGKILL coach clock mid fan-out, restart: exactly once"),
    "drill-two-clocks": ("bench.drills", "two coach clock processes on one PostgreSQL"),
    "drill-postgres": ("bench.drills", "PostgreSQL cut for 30 s under traffic (TCP proxy)"),
    "drill-storm": ("bench.drills", "429/5xx storm from fake Slack and Teams: delivered once"),
    "drill-blackhole": ("bench.drills", "PostgreSQL a black hole for 30 s: answered in time"),
    "drill-inbox": ("bench.drills", "SIGKILL coach serve 200 times under Slack traffic: once"),
}


def usage() -> None:
    print("usage: python -m bench NAME [NAME...] | all\n\nbenchmarks:")
    for name, (_, what) in BENCHMARKS.items():
        print(f"  {name:<18} {what}")
    print("\nfault drills:")
    for name, (_, what) in DRILLS.items():
        print(f"  {name:<18} {what}")


def main(argv: list[str]) -> int:
    if not argv:
        usage()
        return 0
    names = list(BENCHMARKS) if argv == ["all"] else argv
    unknown = [n for n in names if n not in BENCHMARKS and n not in DRILLS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}\n", file=sys.stderr)
        usage()
        return 2
    for name in names:
        module_name, _, function = (BENCHMARKS | DRILLS)[name][0].partition(":")
        module = importlib.import_module(module_name)
        if name in DRILLS:
            module.run(name)
        else:
            getattr(module, function or "main")()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
