# SPDX-License-Identifier: LGPL-2.1-or-later
"""The demo's results written out from Python: the Excel workbook read back
with the standard library (zipfile and ElementTree: sheet names, shared
strings, cells, number formats, the frozen header) and the CSV tables, both
compared with the results the library gives through GI."""

import csv
import os
import re
import zipfile
import xml.etree.ElementTree as ET

import gi
import pytest

gi.require_version("CaseReview", "1.0")
from gi.repository import CaseReview, Gio, GLib  # noqa: E402

DEMO = os.path.join(os.environ["CASE_REVIEW_SOURCE_DIR"], "examples", "data", "luohu-2020")
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

AGENCY_HEADER = ["名次", "单位编号", "单位名称", "案卷总数", "评查案卷数", "平均分", "中位数", "优秀案卷数", "合格案卷数",
                 "不合格案卷数", "优秀率", "合格率", "否决项", "等次", "不合格率上限", "不合格案卷数上限"]
CASE_HEADER = ["案卷编号", "单位编号", "单位名称", "执法类别", "初评表数", "初评得分", "最终得分", "等次", "否决项",
               "需复核", "已复核"]


@pytest.fixture(scope="module")
def review():
    population = CaseReview.Population.new()
    population.load_csv(Gio.File.new_for_path(os.path.join(DEMO, "agencies.csv")),
                        Gio.File.new_for_path(os.path.join(DEMO, "cases.csv")), CaseReview.TextEncoding.AUTO, None)
    sample = CaseReview.SamplingPlan.new_from_file(Gio.File.new_for_path(os.path.join(DEMO, "plan.json")),
                                                   None).draw(population, None)
    evaluation = CaseReview.Evaluation.new(CaseReview.Rubric.get_default(), sample, population)
    evaluation.load_sheets_csv(Gio.File.new_for_path(os.path.join(DEMO, "score-sheets.csv")),
                               CaseReview.TextEncoding.AUTO, None)
    return population, evaluation


def items(model):
    return [model.get_item(i) for i in range(model.get_n_items())]


def column_index(reference):
    letters = re.match(r"[A-Z]+", reference).group(0)
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


class Workbook:
    """The sheets of an .xlsx file: names in order, rows of cell values
    (strings resolved, numbers as floats, None for empty cells), each cell's
    number format and boldness, and each sheet's XML."""

    def __init__(self, path):
        with zipfile.ZipFile(path) as archive:
            read = lambda name: ET.fromstring(archive.read(name))  # noqa: E731
            strings = ["".join(t.text or "" for t in si.iter(MAIN + "t"))
                       for si in read("xl/sharedStrings.xml").findall(MAIN + "si")]
            targets = {r.get("Id"): r.get("Target") for r in read("xl/_rels/workbook.xml.rels")}
            styles = read("xl/styles.xml")
            formats = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iter(MAIN + "numFmt")}
            formats.setdefault(0, "General")
            formats.setdefault(1, "0")
            formats.setdefault(2, "0.00")
            formats.setdefault(10, "0.00%")
            bold_fonts = [font.find(MAIN + "b") is not None for font in styles.find(MAIN + "fonts")]
            self.xfs = [(formats.get(int(xf.get("numFmtId", "0"))), bold_fonts[int(xf.get("fontId", "0"))])
                        for xf in styles.find(MAIN + "cellXfs")]
            self.names, self.rows, self.styles, self.xml = [], {}, {}, {}
            for sheet in read("xl/workbook.xml").find(MAIN + "sheets"):
                name = sheet.get("name")
                xml = read("xl/" + targets[sheet.get(RELATIONSHIP)])
                rows, styles_of = [], []
                for row in xml.iter(MAIN + "row"):
                    values, cell_styles = [], []
                    for cell in row.iter(MAIN + "c"):
                        column = column_index(cell.get("r"))
                        while len(values) <= column:
                            values.append(None)
                            cell_styles.append(self.xfs[0])
                        value = cell.find(MAIN + "v")
                        if value is not None:
                            values[column] = strings[int(value.text)] if cell.get("t") == "s" else float(value.text)
                        cell_styles[column] = self.xfs[int(cell.get("s", "0"))]
                    rows.append(values)
                    styles_of.append(cell_styles)
                self.names.append(name)
                self.rows[name], self.styles[name], self.xml[name] = rows, styles_of, xml


@pytest.fixture(scope="module")
def workbook(review, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "results.xlsx"
    review[1].write_xlsx(Gio.File.new_for_path(str(path)), None)
    return Workbook(str(path))


def test_workbook_sheets_and_header(workbook):
    assert workbook.names == ["评查结果汇总表", "案卷评分明细"]
    for name, header in (("评查结果汇总表", AGENCY_HEADER), ("案卷评分明细", CASE_HEADER)):
        assert workbook.rows[name][0] == header
        assert all(bold for _, bold in workbook.styles[name][0]), "the header row is bold"
        pane = workbook.xml[name].find(f"{MAIN}sheetViews/{MAIN}sheetView/{MAIN}pane")
        assert pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1"
        widths = [float(col.get("width")) for col in workbook.xml[name].iter(MAIN + "col")]
        assert len(widths) == len(header) and min(widths) >= 6


def test_workbook_agencies_match_the_results(review, workbook):
    population, evaluation = review
    rows = workbook.rows["评查结果汇总表"]
    styles = workbook.styles["评查结果汇总表"]
    results = items(evaluation.dup_agency_results())
    assert len(rows) == 1 + len(results) == 33
    for row, style, result in zip(rows[1:], styles[1:], results):
        n = result.get_n_files()
        cells = dict(zip(AGENCY_HEADER, row))
        assert cells["名次"] == result.get_rank()
        assert cells["单位编号"] == result.get_agency_id()
        assert cells["单位名称"] == population.lookup_agency(result.get_agency_id()).get_name()
        assert cells["案卷总数"] == result.get_population_size()
        assert cells["评查案卷数"] == n
        assert cells["平均分"] == pytest.approx(result.get_mean_hundredths() / 100, abs=1e-9)
        assert cells["中位数"] == pytest.approx(result.get_median_hundredths() / 100, abs=1e-9)
        assert cells["优秀率"] == pytest.approx(result.get_n_excellent() / n)
        assert cells["合格率"] == pytest.approx(result.get_pass_rate())
        assert cells["不合格案卷数"] == result.get_n_failed()
        assert cells["等次"] == CaseReview.Grade.get_label(result.get_grade())
        assert cells["不合格率上限"] == pytest.approx(result.get_noncompliance_upper())
        assert cells["不合格案卷数上限"] == result.get_noncompliance_upper_count()
        codes = result.dup_veto_codes()
        assert (cells["否决项"] or "") == "、".join("%s×%d" % (c, result.get_veto_count(c)) for c in codes)
        formats = dict(zip(AGENCY_HEADER, (number_format for number_format, _ in style)))
        assert formats["平均分"] == formats["中位数"] == "0.00"
        assert formats["优秀率"] == formats["合格率"] == formats["不合格率上限"] == "0.0%"
        assert formats["评查案卷数"] == "0"
    # Known agencies: the top of the ranking.
    assert rows[1][:7] == [1, "LH25", population.lookup_agency("LH25").get_name(), rows[1][3], 12, 88.9, 90.0]
    assert rows[2][1] == "LH09" and rows[2][5] == pytest.approx(88.88)


def test_workbook_cases_match_the_results(review, workbook):
    _, evaluation = review
    rows = workbook.rows["案卷评分明细"]
    results = items(evaluation.dup_case_results())
    assert len(rows) == 1 + len(results) == 333
    for row, result in zip(rows[1:], results):
        cells = dict(zip(CASE_HEADER, row + [None] * (len(CASE_HEADER) - len(row))))
        assert cells["案卷编号"] == result.get_case_id()
        assert cells["单位编号"] == result.get_agency_id()
        assert cells["执法类别"] == CaseReview.EnforcementKind.get_label(result.get_kind())
        assert cells["初评表数"] == result.get_n_sheets()
        assert cells["初评得分"] == pytest.approx(result.get_initial_score_hundredths() / 100, abs=1e-9)
        assert cells["最终得分"] == pytest.approx(result.get_score(), abs=1e-9)
        assert cells["等次"] == CaseReview.Grade.get_label(result.get_grade())
        assert (cells["否决项"] or "") == "、".join(result.get_veto_codes())
        assert cells["需复核"] == ("是" if result.needs_rereview() else "否")
        assert cells["已复核"] == ("是" if result.is_rereviewed() else "否")
    first = dict(zip(CASE_HEADER, rows[1]))
    assert first["案卷编号"] == "深罗发改罚〔2020〕2号" and first["最终得分"] == 83.0


def test_csv_tables_match_the_results(review, tmp_path):
    _, evaluation = review
    agencies_path, cases_path = tmp_path / "agencies.csv", tmp_path / "cases.csv"
    evaluation.write_agency_results_csv(Gio.File.new_for_path(str(agencies_path)), True, None)
    evaluation.write_case_results_csv(Gio.File.new_for_path(str(cases_path)), False, None)
    assert agencies_path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert not cases_path.read_bytes().startswith(b"\xef\xbb\xbf")

    with open(agencies_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == AGENCY_HEADER
    results = items(evaluation.dup_agency_results())
    assert len(rows) == 1 + len(results) == 33
    for row, result in zip(rows[1:], results):
        cells = dict(zip(AGENCY_HEADER, row))
        mean, n = result.get_mean_hundredths(), result.get_n_files()
        assert cells["平均分"] == "%d.%02d" % divmod(mean, 100)
        tenths = (2000 * result.get_n_excellent() + n) // (2 * n)
        assert cells["优秀率"] == "%d.%d%%" % divmod(tenths, 10)

    with open(cases_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == CASE_HEADER and len(rows) == 333
    by_id = {row[0]: dict(zip(CASE_HEADER, row)) for row in rows[1:]}
    for result in items(evaluation.dup_case_results()):
        assert by_id[result.get_case_id()]["最终得分"] == "%d.%02d" % divmod(result.get_score_hundredths(), 100)


def test_unwritable_path_raises(review, tmp_path):
    _, evaluation = review
    target = tmp_path / "missing" / "results.xlsx"
    with pytest.raises(GLib.Error) as info:
        evaluation.write_xlsx(Gio.File.new_for_path(str(target)), None)
    assert info.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.NOT_FOUND)
    assert str(target) in info.value.message
