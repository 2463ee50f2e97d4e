"""`--format junit`: JUnit XML for CI test reports: one testcase per file, one failure
per finding, so a file with findings shows as a failed test."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from . import Report


def render(report: Report) -> str:
    failed = sum(1 for _, findings in report.files if findings)
    counts = {"tests": str(len(report.files)), "failures": str(failed), "errors": "0", "skipped": "0"}
    root = ET.Element("testsuites", {"name": "numcheck", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "numcheck", **counts})
    for path, findings in report.files:
        case = ET.SubElement(suite, "testcase", {"classname": "numcheck", "name": path, "file": path})
        for f in findings:
            failure = ET.SubElement(case, "failure", {"type": f.rule, "message": f.message})
            failure.text = f"{path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)
