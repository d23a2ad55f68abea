"""The head of a minimal persona file, for tests that write their own persona around a policy under test."""

import textwrap

HEAD = textwrap.dedent("""\
    id: tester
    name: Test Person
    language: en
    situation: A test customer.
    brief: Read this first.
    background: Who they are.
    goal: What they want.
    opening_line: Hello.
    """)
