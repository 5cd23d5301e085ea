"""Permissions of case consultation and signals to government (imported by network/rules.py).

Every member of a network reads its cases and signals, responds, endorses and adds evidence
(`network.view`, `network.contribute`). Changing a case (its text, outcome, archiving) is for
the member who brought it in and for facilitators; the access log, bundling signals, their
status and the official answer are for facilitators.
"""

import rules

from .predicates import is_author, is_network_facilitator, is_network_member

rules.add_perm("network.change_case", is_network_member & (is_author | is_network_facilitator))
rules.add_perm("network.view_case_log", is_network_facilitator)
rules.add_perm("network.change_signal", is_network_member & (is_author | is_network_facilitator))
rules.add_perm("network.manage_signals", is_network_facilitator)
