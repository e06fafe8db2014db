#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Generate a large synthetic population of case files for bench/population.

    generate-population.py [--rows N] [--seed TEXT] [OUTPUT_DIR]

Writes OUTPUT_DIR/agencies.csv (the 32 Luohu District agencies LH01-LH32) and
OUTPUT_DIR/cases.csv with N rows (default 1,000,000; about 100 bytes a row,
so about 100 MB) in the columns

    case_id,agency,kind,closed_on,amount,flags,title

UTF-8 without BOM, LF line endings, RFC 4180 quoting only where a field needs
it (about 1% of titles hold an ASCII comma or a double quote, as real exports
do). Case numbers such as 深罗城罚〔2020〕123456号 are unique; agencies are
weighted as in a real district (street offices and urban management many,
the statistics bureau few); closing dates fall in 2020, fewer on weekends;
penalties carry fines in yuan with two decimals; about 12% of files carry
flags. OUTPUT_DIR defaults to build/bench-data; generated data is never
committed.

Deterministic: every draw comes from random.Random(SEED) with a string seed,
so the same arguments give byte-identical files on every run. Standard library
only. OUTPUT_DIR/generator.json records the arguments, so that a driver can
tell whether existing files match what it wants.
"""

import argparse
import datetime
import itertools
import json
import os
import random
import sys
import time

VERSION = 1  # bump when the output for given arguments changes
DEFAULT_SEED = "libcasereview bench/population v1"
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHUNK = 50_000

# id, name, short name, category, case-number abbreviation, relative volume,
# kind mix in percent (penalty, coercion, inspection, licensing, other).
AGENCIES = [
    ("LH01", "深圳市罗湖区发展和改革局", "区发展改革局", "district_department", "发改", 28, (25, 0, 55, 5, 15)),
    ("LH02", "深圳市罗湖区教育局", "区教育局", "district_department", "教", 150, (12, 1, 25, 57, 5)),
    ("LH03", "深圳市罗湖区科技创新局", "区科技创新局", "district_department", "科创", 16, (25, 0, 55, 5, 15)),
    ("LH04", "深圳市罗湖区工业和信息化局", "区工业和信息化局", "district_department", "工信", 22, (25, 0, 55, 5, 15)),
    ("LH05", "深圳市罗湖区民政局", "区民政局", "district_department", "民", 70, (12, 1, 25, 57, 5)),
    ("LH06", "深圳市罗湖区财政局", "区财政局", "district_department", "财", 18, (25, 0, 55, 5, 15)),
    ("LH07", "深圳市罗湖区人力资源局", "区人力资源局", "district_department", "人社", 280, (38, 0, 52, 5, 5)),
    ("LH08", "深圳市罗湖区住房和建设局", "区住房建设局", "district_department", "住建", 560, (36, 4, 55, 3, 2)),
    ("LH09", "深圳市罗湖区水务局", "区水务局", "district_department", "水", 190, (42, 14, 32, 8, 4)),
    ("LH10", "深圳市罗湖区文化广电旅游体育局", "区文化广电旅游体育局", "district_department", "文", 320, (12, 1, 25, 57, 5)),
    ("LH11", "深圳市罗湖区卫生健康局", "区卫生健康局", "district_department", "卫", 720, (35, 2, 48, 12, 3)),
    ("LH12", "深圳市罗湖区应急管理局", "区应急管理局", "district_department", "应急", 420, (36, 4, 55, 3, 2)),
    ("LH13", "深圳市罗湖区城市管理和综合执法局", "区城管和综合执法局", "district_department", "城", 1450, (60, 30, 7, 0, 3)),
    ("LH14", "深圳市罗湖区退役军人事务局", "区退役军人事务局", "district_department", "退役", 13, (5, 0, 35, 0, 60)),
    ("LH15", "深圳市罗湖区统计局", "区统计局", "district_department", "统", 15, (25, 0, 55, 5, 15)),
    ("LH16", "深圳市罗湖区医疗保障局", "区医疗保障局", "district_department", "医保", 48, (25, 0, 55, 5, 15)),
    ("LH17", "深圳市市场监督管理局罗湖监管局", "罗湖市场监管局", "municipal_branch", "市监", 1700, (40, 7, 45, 6, 2)),
    ("LH18", "深圳市生态环境局罗湖管理局", "罗湖生态环境局", "municipal_branch", "环", 620, (38, 9, 50, 0, 3)),
    ("LH19", "深圳市规划和自然资源局罗湖管理局", "罗湖规划资源局", "municipal_branch", "规资", 210, (42, 14, 32, 8, 4)),
    ("LH20", "深圳市交通运输局罗湖管理局", "罗湖交通运输局", "municipal_branch", "交", 720, (78, 10, 8, 2, 2)),
    ("LH21", "深圳市公安局罗湖分局", "罗湖公安分局", "municipal_branch", "公", 700, (82, 7, 7, 2, 2)),
    ("LH22", "深圳市消防救援支队罗湖大队", "罗湖消防大队", "municipal_branch", "消", 520, (36, 4, 55, 3, 2)),
    ("LH23", "深圳市罗湖区桂园街道办事处", "桂园街道", "street_office", "桂园", 300, (56, 30, 11, 0, 3)),
    ("LH24", "深圳市罗湖区黄贝街道办事处", "黄贝街道", "street_office", "黄贝", 340, (56, 30, 11, 0, 3)),
    ("LH25", "深圳市罗湖区东门街道办事处", "东门街道", "street_office", "东门", 480, (56, 30, 11, 0, 3)),
    ("LH26", "深圳市罗湖区翠竹街道办事处", "翠竹街道", "street_office", "翠竹", 330, (56, 30, 11, 0, 3)),
    ("LH27", "深圳市罗湖区东晓街道办事处", "东晓街道", "street_office", "东晓", 280, (56, 30, 11, 0, 3)),
    ("LH28", "深圳市罗湖区南湖街道办事处", "南湖街道", "street_office", "南湖", 400, (56, 30, 11, 0, 3)),
    ("LH29", "深圳市罗湖区笋岗街道办事处", "笋岗街道", "street_office", "笋岗", 290, (56, 30, 11, 0, 3)),
    ("LH30", "深圳市罗湖区东湖街道办事处", "东湖街道", "street_office", "东湖", 270, (56, 30, 11, 0, 3)),
    ("LH31", "深圳市罗湖区莲塘街道办事处", "莲塘街道", "street_office", "莲塘", 320, (56, 30, 11, 0, 3)),
    ("LH32", "深圳市罗湖区清水河街道办事处", "清水河街道", "street_office", "清水", 260, (56, 30, 11, 0, 3)),
]

KINDS = ("penalty", "coercion", "inspection", "licensing", "other")
KIND_CHAR = ("罚", "强", "检", "许", "其")

# 案由 per kind; a few hold an ASCII comma or quotes so that the file needs
# RFC 4180 quoting here and there.
TITLES = (
    ["占道经营案", "店外经营案", "违法建设案", "乱张贴乱涂写案", "无证经营食品案", "未明码标价案", "非法营运案",
     "超标排放水污染物案", "消防设施未保持完好有效案", "克扣拖欠劳动者工资案", "发布虚假广告案",
     "未按规定分类投放生活垃圾案", "施工现场未采取扬尘污染防治措施案", "销售不合格口罩案"],
    ["暂扣占道经营物品", "强制拆除违法建筑", "查封违法生产经营场所", "扣押非法营运车辆", "扣押管制器具",
     "查封超标排放的污染物排放设施"],
    ["市容环境卫生检查", "食品经营单位日常监督检查", "消防监督检查", "建筑工地安全生产检查", "排污单位现场检查",
     "用人单位劳动用工日常巡查", "出租屋安全隐患排查", "特种设备使用单位检查"],
    ["食品经营许可", "建筑工程施工许可", "娱乐场所经营许可", "道路运输经营许可", "民办学校办学许可证核发",
     "公共场所卫生许可"],
    ["消费投诉调解", "违法建筑查处登记", "价格认定", "城市管理投诉处理", "最低生活保障金给付"],
)
QUOTED_TITLES = (
    "\"堵塞安全出口,占用疏散通道案\"",
    "\"擅自从事\"\"黑车\"\"营运,拒不接受检查案\"",
    "\"未履行\"\"门前三包\"\"责任案\"",
    "\"需要配套建设的环保设施未经验收,主体工程即投入生产案\"",
)

# Parties named in penalty and coercion titles (某 for the anonymised name).
PARTIES = ("某餐饮店", "某便利店", "某商行", "某建筑工程有限公司", "某物业管理有限公司", "某贸易有限公司",
           "某美容美发店", "某药店", "某网吧", "某诊所", "某汽车维修中心", "个体工商户某某")

# Fines in yuan: (low, high, weight) tiers.
FINE_TIERS = ((50, 200, 26), (300, 2000, 40), (2500, 20000, 26), (25000, 100000, 7), (150000, 500000, 1))
FLAGS = ("", "major", "complaint", "hearing", "litigation", "major;hearing", "complaint;litigation")
FLAG_WEIGHTS = (880, 50, 35, 15, 8, 8, 4)


def closing_dates():
    """Every day of 2020 as YYYY-MM-DD with a weight: weekdays ten, weekends
    two, the Spring Festival and the February lockdown one."""
    days, weights = [], []
    day = datetime.date(2020, 1, 1)
    while day.year == 2020:
        if datetime.date(2020, 1, 24) <= day <= datetime.date(2020, 2, 9):
            weight = 1
        elif day.weekday() >= 5:
            weight = 2
        else:
            weight = 10
        days.append(day.isoformat())
        weights.append(weight)
        day += datetime.timedelta(days=1)
    return days, list(itertools.accumulate(weights))


def write_agencies(path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("id,name,short_name,category\n")
        for agency_id, name, short_name, category, *_ in AGENCIES:
            f.write(f"{agency_id},{name},{short_name},{category}\n")


def write_cases(path, rows, seed):
    rng = random.Random(seed)
    days, day_weights = closing_dates()
    agency_weights = list(itertools.accumulate(a[5] for a in AGENCIES))
    kind_weights = [list(itertools.accumulate(a[6])) for a in AGENCIES]
    prefixes = [[f"深罗{a[4]}{KIND_CHAR[k]}〔2020〕" for k in range(len(KINDS))] for a in AGENCIES]
    counters = [[0] * len(KINDS) for _ in AGENCIES]
    fine_weights = list(itertools.accumulate(t[2] for t in FINE_TIERS))
    flag_weights = list(itertools.accumulate(FLAG_WEIGHTS))
    kind_range = range(len(KINDS))
    written = 0

    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("case_id,agency,kind,closed_on,amount,flags,title\n")
        while written < rows:
            n = min(CHUNK, rows - written)
            agencies = rng.choices(range(len(AGENCIES)), cum_weights=agency_weights, k=n)
            dates = rng.choices(days, cum_weights=day_weights, k=n)
            flags = rng.choices(FLAGS, cum_weights=flag_weights, k=n)
            lines = []
            for a, closed_on, flag in zip(agencies, dates, flags):
                agency = AGENCIES[a]
                k = rng.choices(kind_range, cum_weights=kind_weights[a])[0]
                counters[a][k] += 1
                amount = ""
                if k == 0 or (k == 1 and rng.random() < 0.3):
                    low, high, _ = FINE_TIERS[rng.choices(range(len(FINE_TIERS)), cum_weights=fine_weights)[0]]
                    yuan = rng.randrange(low, high + 1)
                    if yuan >= 1000:
                        yuan -= yuan % 100
                    cents = rng.randrange(100) if rng.random() < 0.1 else 0
                    amount = f"{yuan}.{cents:02d}"
                if rng.random() < 0.01:
                    title = rng.choice(QUOTED_TITLES)
                elif k <= 1 and rng.random() < 0.6:
                    title = rng.choice(PARTIES) + rng.choice(TITLES[k])
                else:
                    title = rng.choice(TITLES[k])
                lines.append(f"{prefixes[a][k]}{counters[a][k]}号,{agency[0]},{KINDS[k]},{closed_on},"
                             f"{amount},{flag},{title}\n")
            f.write("".join(lines))
            written += n


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output_dir", nargs="?", default=os.path.join(REPO_ROOT, "build", "bench-data"),
                        help="where to write agencies.csv and cases.csv (default: build/bench-data)")
    parser.add_argument("--rows", type=int, default=1_000_000, help="number of case files (default 1,000,000)")
    parser.add_argument("--seed", default=DEFAULT_SEED, help="seed string of the generator")
    args = parser.parse_args()
    if args.rows < 1:
        parser.error("--rows must be at least 1")

    os.makedirs(args.output_dir, exist_ok=True)
    stamp_path = os.path.join(args.output_dir, "generator.json")
    if os.path.exists(stamp_path):
        os.remove(stamp_path)  # invalid until the files are complete

    start = time.monotonic()
    agencies_path = os.path.join(args.output_dir, "agencies.csv")
    cases_path = os.path.join(args.output_dir, "cases.csv")
    write_agencies(agencies_path)
    write_cases(cases_path, args.rows, args.seed)
    size = os.path.getsize(cases_path)

    with open(stamp_path, "w", encoding="utf-8") as f:
        json.dump({"version": VERSION, "rows": args.rows, "seed": args.seed, "cases_bytes": size}, f)
        f.write("\n")
    print(f"generate-population: {args.rows:,} rows, {size / 1e6:.1f} MB ({size / args.rows:.0f} bytes a row) "
          f"in {cases_path}, {time.monotonic() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
