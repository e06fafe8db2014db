#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Generate the demo population of Luohu District case files closed in 2020.

Reads examples/data/luohu-2020/agencies.csv and writes
examples/data/luohu-2020/cases.csv (UTF-8, no BOM, LF line endings, RFC 4180
quoting only where needed) with the columns

    case_id,agency,kind,closed_on,amount,flags,title

About 12,000 invented but realistic files: case numbers such as
深罗城罚〔2020〕88号, a mix of enforcement kinds that fits each agency, closing
dates spread over 2020 (few around the Spring Festival and the COVID lockdown,
few at weekends and on public holidays), fines in yuan, flags and 案由 titles.

The output is deterministic: every draw comes from a private
random.Random(20200101) (seed 20200101), and only randrange() and choice() on
lists are used, whose results for a given seed have been the same in every
Python version since 3.2.  No floating-point arithmetic touches the data, and
the CSV text is written by hand, so the file is byte-identical on every run
and on every Python >= 3.9.  Run it from anywhere:

    python3 scripts/generate-demo-cases.py

A summary (rows, counts per kind, per agency, flags) goes to stderr.
"""

import bisect
import collections
import csv
import datetime
import os
import random
import sys

SEED = 20200101  # fixed: changing it changes every row of cases.csv
YEAR = 2020

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA_DIR = os.path.join(REPO_ROOT, "examples", "data", "luohu-2020")
AGENCIES_CSV = os.path.join(DATA_DIR, "agencies.csv")
CASES_CSV = os.path.join(DATA_DIR, "cases.csv")

AGENCIES_HEADER = ["id", "name", "short_name", "category"]
CASES_HEADER = ["case_id", "agency", "kind", "closed_on", "amount", "flags", "title"]
CATEGORIES = ("district_department", "municipal_branch", "street_office", "other")

KINDS = ("penalty", "coercion", "inspection", "licensing", "other")
KIND_CHAR = {"penalty": "罚", "coercion": "强", "inspection": "检",
             "licensing": "许", "other": "其"}

MIN_PER_AGENCY = 12
TOTAL_RANGE = (11500, 12500)

# Kind mix in percent: penalty, coercion, inspection, licensing, other.
PROFILES = {
    "street":      (56, 30, 11, 0, 3),
    "urban":       (60, 30, 7, 0, 3),
    "market":      (40, 7, 45, 6, 2),
    "environment": (38, 9, 50, 0, 3),
    "health":      (35, 2, 48, 12, 3),
    "licensing":   (12, 1, 25, 57, 5),
    "safety":      (36, 4, 55, 3, 2),
    "labour":      (38, 0, 52, 5, 5),
    "planning":    (42, 14, 32, 8, 4),
    "transport":   (78, 10, 8, 2, 2),
    "police":      (82, 7, 7, 2, 2),
    "light":       (25, 0, 55, 5, 15),
    "welfare":     (5, 0, 35, 0, 60),
}

# Fine size tiers (yuan), weights per profile in percent:
# 50-200, 300-2000, 2500-20000, 25000-100000, 150000-500000.
FINE_TIERS = {
    "small":  (26, 44, 24, 5, 1),
    "medium": (10, 34, 38, 14, 4),
    "large":  (4, 20, 40, 26, 10),
}

# id -> (case-number abbreviation, kind profile, fine tier, files before jitter, titles key)
AGENCY_PLAN = {
    "LH01": ("发改", "light", "medium", 28, "development"),      # 发展和改革局
    "LH02": ("教", "licensing", "medium", 150, "education"),     # 教育局
    "LH03": ("科创", "light", "medium", 16, "science"),           # 科技创新局
    "LH04": ("工信", "light", "medium", 22, "industry"),          # 工业和信息化局
    "LH05": ("民", "licensing", "small", 70, "civil"),            # 民政局
    "LH06": ("财", "light", "medium", 18, "finance"),             # 财政局
    "LH07": ("人社", "labour", "medium", 280, "labour"),          # 人力资源局
    "LH08": ("住建", "safety", "large", 560, "housing"),          # 住房和建设局
    "LH09": ("水", "planning", "medium", 190, "water"),           # 水务局
    "LH10": ("文", "licensing", "medium", 320, "culture"),        # 文化广电旅游体育局
    "LH11": ("卫", "health", "medium", 720, "health"),            # 卫生健康局
    "LH12": ("应急", "safety", "large", 420, "emergency"),        # 应急管理局
    "LH13": ("城", "urban", "small", 1450, "urban"),              # 城市管理和综合执法局
    "LH14": ("退役", "welfare", "small", 13, "veterans"),         # 退役军人事务局
    "LH15": ("统", "light", "medium", 15, "statistics"),          # 统计局
    "LH16": ("医保", "light", "large", 48, "insurance"),          # 医疗保障局
    "LH17": ("市监", "market", "medium", 1700, "market"),         # 市场监管局罗湖监管局
    "LH18": ("环", "environment", "large", 620, "environment"),  # 生态环境局罗湖管理局
    "LH19": ("规资", "planning", "large", 210, "planning"),       # 规划和自然资源局罗湖管理局
    "LH20": ("交", "transport", "small", 720, "transport"),       # 交通运输局罗湖管理局
    "LH21": ("公", "police", "small", 700, "police"),             # 公安局罗湖分局
    "LH22": ("消", "safety", "medium", 520, "fire"),              # 消防救援支队罗湖大队
    "LH23": ("桂园", "street", "small", 300, "street"),           # 桂园街道办事处
    "LH24": ("黄贝", "street", "small", 340, "street"),           # 黄贝街道办事处
    "LH25": ("东门", "street", "small", 480, "street"),           # 东门街道办事处
    "LH26": ("翠竹", "street", "small", 330, "street"),           # 翠竹街道办事处
    "LH27": ("东晓", "street", "small", 280, "street"),           # 东晓街道办事处
    "LH28": ("南湖", "street", "small", 400, "street"),           # 南湖街道办事处
    "LH29": ("笋岗", "street", "small", 290, "street"),           # 笋岗街道办事处
    "LH30": ("东湖", "street", "small", 270, "street"),           # 东湖街道办事处
    "LH31": ("莲塘", "street", "small", 320, "street"),           # 莲塘街道办事处
    "LH32": ("清水", "street", "small", 260, "street"),           # 清水河街道办事处
}

# 案由 per titles key and kind.  A kind an agency never produces may be absent.
# A few titles hold an ASCII comma or double quote, as real exports do, so
# that the file exercises RFC 4180 quoting.
TITLES = {
    "development": {
        "penalty": ["未按规定开展固定资产投资项目节能审查案", "招标投标活动违反规定案",
                    "未按规定报送能源利用状况报告案"],
        "inspection": ["固定资产投资项目节能审查事中事后监管检查", "政府投资项目实施情况检查",
                       "重点用能单位节能监察"],
        "licensing": ["企业投资项目核准", "固定资产投资项目节能审查"],
        "other": ["价格认定", "政府投资项目稽察"],
    },
    "education": {
        "penalty": ["未经批准擅自举办校外培训机构案", "民办学校违规招生案", "发布虚假招生简章案"],
        "coercion": ["查封无证办学场所"],
        "inspection": ["校外培训机构办学行为检查", "民办幼儿园安全管理检查", "学校食堂食品安全专项检查"],
        "licensing": ["民办学校办学许可证核发", "校外培训机构办学许可证核发", "民办幼儿园设立审批",
                      "教师资格认定", "民办学校办学许可证变更"],
        "other": ["民办学校年度检查", "学生资助发放"],
    },
    "science": {
        "penalty": ["科技计划项目申报弄虚作假案"],
        "inspection": ["科技计划项目资金使用检查", "高新技术企业认定事后监管检查"],
        "licensing": ["科技企业孵化器认定"],
        "other": ["科技奖励", "科技项目资助"],
    },
    "industry": {
        "penalty": ["擅自设置使用无线电台(站)案", "未按规定落实节能措施案"],
        "inspection": ["无线电设备使用检查", "工业企业节能监察"],
        "licensing": ["无线电台(站)设置审批"],
        "other": ["企业技术改造资助"],
    },
    "civil": {
        "penalty": ["社会组织未按规定参加年度检查案", "擅自以社会组织名义开展活动案",
                    "养老机构未按规定开展安全管理案"],
        "coercion": ["查封非法社会组织活动场所"],
        "inspection": ["养老机构服务质量检查", "社会组织年度检查", "殡葬服务单位检查"],
        "licensing": ["社会团体成立登记", "民办非企业单位登记", "民办非企业单位变更登记"],
        "other": ["最低生活保障金给付", "临时救助给付", "婚姻登记"],
    },
    "finance": {
        "penalty": ["未依法设置会计账簿案", "政府采购供应商提供虚假材料案", "代理记账机构未按规定执业案"],
        "inspection": ["会计信息质量检查", "政府采购活动监督检查", "代理记账机构检查"],
        "licensing": ["代理记账业务许可"],
        "other": ["政府采购投诉处理"],
    },
    "labour": {
        "penalty": ["未按规定建立职工名册案", "违反工作时间和休息休假规定案", "克扣拖欠劳动者工资案",
                    "未按规定订立书面劳动合同案", "非法使用童工案"],
        "inspection": ["用人单位劳动用工日常巡查", "根治欠薪专项检查", "人力资源服务机构检查"],
        "licensing": ["人力资源服务许可", "劳务派遣经营许可"],
        "other": ["劳动保障监察投诉处理", "就业补贴发放"],
    },
    "housing": {
        "penalty": ["施工现场未采取扬尘污染防治措施案", "未取得施工许可证擅自施工案",
                    "物业服务企业未履行管理义务案", "违规使用不合格瓶装燃气案",
                    "建设单位未办理工程质量监督手续案"],
        "coercion": ["查封违规燃气经营场所", "扣押不合格燃气钢瓶"],
        "inspection": ["建筑工地安全生产检查", "建筑工地扬尘防治检查", "物业服务项目检查",
                       "燃气经营场所安全检查"],
        "licensing": ["建筑工程施工许可", "燃气经营许可"],
        "other": ["建筑业企业资质核查"],
    },
    "water": {
        "penalty": ["未取得排水许可向城镇排水设施排放污水案", "违规占用河道管理范围案",
                    "擅自拆除改动排水设施案", "未落实水土保持措施案"],
        "coercion": ["扣押违法排水作业工具", "强制拆除河道管理范围内违法建筑"],
        "inspection": ["排水户排水行为检查", "河道管理范围内建设项目检查", "水土保持方案落实检查"],
        "licensing": ["城镇污水排入排水管网许可", "河道管理范围内建设项目审批"],
        "other": ["水土保持补偿费征收"],
    },
    "culture": {
        "penalty": ["网吧接纳未成年人案", "娱乐场所超时营业案", "擅自从事营业性演出案",
                    "销售非法出版物案", "旅行社未与旅游者签订旅游合同案"],
        "coercion": ["扣押非法出版物"],
        "inspection": ["娱乐场所日常检查", "网吧经营场所检查", "文物保护单位安全检查", "游泳场所检查"],
        "licensing": ["娱乐场所经营许可", "营业性演出许可", "网吧经营许可变更",
                      "高危险性体育项目经营许可", "出版物零售经营许可"],
        "other": ["文化市场投诉处理"],
    },
    "health": {
        "penalty": ["非医师行医案", "医疗机构使用非卫生技术人员案", "公共场所未取得卫生许可证经营案",
                    "未按规定进行消毒处理案", "医疗废物管理不规范案", "违反传染病防治规定案"],
        "coercion": ["查封非法行医场所药品器械"],
        "inspection": ["医疗机构依法执业检查", "公共场所卫生监督检查", "生活饮用水卫生检查",
                       "学校卫生监督检查", "新冠肺炎疫情防控检查"],
        "licensing": ["公共场所卫生许可", "医疗机构执业登记", "放射诊疗许可"],
        "other": ["卫生健康投诉处理"],
    },
    "emergency": {
        "penalty": ["未按规定对从业人员进行安全生产教育和培训案", "未建立事故隐患排查治理制度案",
                    "未取得危险化学品经营许可证经营危险化学品案", "主要负责人未履行安全生产管理职责案"],
        "coercion": ["查封存在重大事故隐患的场所", "扣押违法储存的危险化学品"],
        "inspection": ["工贸企业安全生产检查", "危险化学品经营单位检查", "有限空间作业专项检查"],
        "licensing": ["危险化学品经营许可", "烟花爆竹零售经营许可"],
        "other": ["生产安全事故调查处理"],
    },
    "urban": {
        "penalty": ["占道经营案", "未按规定设置垃圾分类收集容器案", "擅自设置户外广告案",
                    "乱张贴乱涂写案", "违法建设案", "随意倾倒建筑废弃物案", "未履行\"门前三包\"责任案",
                    "施工噪声扰民案", "店外经营案", "未按规定收集运输餐厨垃圾案", "违规排放油烟案"],
        "coercion": ["暂扣占道经营物品", "查封违法建设施工现场", "强制拆除违法建筑",
                     "暂扣违规设置的户外广告设施"],
        "inspection": ["生活垃圾分类专项检查", "市容环境卫生检查", "户外广告设置检查"],
        "other": ["城市绿化管理投诉处理", "违法建筑查处登记"],
    },
    "veterans": {
        "penalty": ["冒领优抚待遇案"],
        "inspection": ["优抚对象待遇落实检查", "军休所管理检查"],
        "other": ["退役士兵安置待遇确认", "优抚对象抚恤金发放", "烈士褒扬"],
    },
    "statistics": {
        "penalty": ["提供不真实统计资料案", "拒绝提供统计资料案", "迟报统计资料案"],
        "inspection": ["统计执法检查", "\"双随机\"统计执法检查", "统计数据质量核查"],
        "licensing": ["涉外调查机构资格认定"],
        "other": ["统计调查对象数据核查"],
    },
    "insurance": {
        "penalty": ["定点药店串换药品骗取医保基金案", "定点医疗机构虚构医疗服务案",
                    "参保人冒用他人医保凭证案"],
        "inspection": ["定点医药机构医保基金使用检查", "定点药店医保服务协议履行检查"],
        "licensing": ["定点医药机构资格确认"],
        "other": ["医保待遇核定"],
    },
    "market": {
        "penalty": ["无证经营食品案", "经营超过保质期食品案", "销售\"三无\"产品案", "哄抬口罩价格案",
                    "未明码标价案", "发布虚假广告案", "销售不合格口罩案", "使用未经检验的特种设备案",
                    "未按规定公示年度报告案", "侵犯注册商标专用权案"],
        "coercion": ["查封扣押侵犯注册商标专用权商品", "扣押不符合标准的口罩", "查封违法生产经营场所"],
        "inspection": ["食品经营单位日常监督检查", "特种设备使用单位检查", "药品零售企业检查",
                       "口罩价格专项检查", "企业年报公示信息抽查", "计量器具检查"],
        "licensing": ["食品经营许可", "药品零售企业许可", "医疗器械经营许可"],
        "other": ["消费投诉调解", "企业经营异常名录管理"],
    },
    "environment": {
        "penalty": ["超标排放水污染物案", "未批先建案", "未按规定贮存危险废物案",
                    "未取得排污许可证排放污染物案", "夜间施工噪声超标案",
                    "需要配套建设的环保设施未经验收,主体工程即投入生产案"],
        "coercion": ["查封超标排放的污染物排放设施", "扣押违法排污设备"],
        "inspection": ["排污单位现场检查", "餐饮油烟排放检查", "建设项目环保\"三同时\"检查",
                       "危险废物规范化管理检查", "医疗废物处置检查"],
        "other": ["环境信访投诉处理"],
    },
    "planning": {
        "penalty": ["未取得建设工程规划许可证进行建设案", "非法占用土地案", "擅自改变土地用途案",
                    "未按规划许可内容建设案", "违法测绘案"],
        "coercion": ["查封违法用地施工现场", "强制拆除违法占地建筑物"],
        "inspection": ["土地利用动态巡查", "测绘资质单位检查", "建设工程规划许可批后监管"],
        "licensing": ["建设工程规划许可", "临时用地审批"],
        "other": ["违法用地信访核查"],
    },
    "transport": {
        "penalty": ["非法营运案", "巡游出租车拒载案", "巡游出租车不按规定使用计价器案",
                    "网约车未取得经营许可从事营运案", "货运车辆超限运输案",
                    "互联网租赁自行车未及时清理案", "擅自从事\"黑车\"营运,拒不接受检查案"],
        "coercion": ["暂扣非法营运车辆", "扣押非法营运工具"],
        "inspection": ["道路运输企业安全检查", "出租汽车营运检查", "机动车维修企业检查"],
        "licensing": ["道路运输经营许可", "机动车维修经营备案"],
        "other": ["交通行政投诉处理"],
    },
    "police": {
        "penalty": ["扰乱公共秩序案", "殴打他人案", "故意损毁财物案", "阻碍执行职务案",
                    "非法携带管制器具案", "旅馆未按规定登记旅客信息案",
                    "拒不执行疫情防控决定命令案", "出租房屋未按规定登记承租人信息案"],
        "coercion": ["扣押管制器具", "扣押涉案物品"],
        "inspection": ["旅馆业治安检查", "寄递物流治安检查", "娱乐场所治安检查"],
        "licensing": ["旅馆业特种行业许可", "公章刻制业特种行业许可"],
        "other": ["居住证签发"],
    },
    "fire": {
        "penalty": ["占用堵塞消防车通道案", "消防设施未保持完好有效案", "堵塞安全出口,占用疏散通道案",
                    "公众聚集场所未经消防安全检查擅自投入使用案", "电动自行车违规停放充电案",
                    "未按规定进行消防设施维护保养案"],
        "coercion": ["临时查封存在重大火灾隐患的场所", "强制清除占用疏散通道的障碍物"],
        "inspection": ["消防监督检查", "高层建筑消防专项检查", "电动自行车停放充电专项检查"],
        "licensing": ["公众聚集场所投入使用、营业前消防安全检查"],
        "other": ["火灾事故调查"],
    },
    "street": {
        "penalty": ["占道经营案", "未按规定分类投放生活垃圾案", "乱张贴乱涂写案", "违规设置户外招牌案",
                    "店外经营案", "乱堆乱放案", "未履行\"门前三包\"责任案", "违法建设案",
                    "随意倾倒生活垃圾案"],
        "coercion": ["暂扣占道经营物品", "强制拆除违法建筑", "暂扣违规设置的广告牌"],
        "inspection": ["垃圾分类督导检查", "出租屋安全隐患排查", "\"三小场所\"消防安全检查",
                       "疫情防控专项检查"],
        "other": ["违法建筑查处登记", "城市管理投诉处理"],
    },
}

# Public holidays and adjusted working days (调休) of 2020, State Council notices
# 国办发明电〔2019〕16号 and 国办发明电〔2020〕1号 (Spring Festival extended to 2 February).
HOLIDAYS = {
    (1, 1), (1, 24), (1, 25), (1, 26), (1, 27), (1, 28), (1, 29), (1, 30), (1, 31),
    (2, 1), (2, 2), (4, 4), (4, 5), (4, 6), (5, 1), (5, 2), (5, 3), (5, 4), (5, 5),
    (6, 25), (6, 26), (6, 27), (10, 1), (10, 2), (10, 3), (10, 4), (10, 5), (10, 6),
    (10, 7), (10, 8),
}
ADJUSTED_WORKDAYS = {(1, 19), (4, 26), (5, 9), (6, 28), (9, 27), (10, 10)}


def fail(message):
    sys.exit("generate-demo-cases: " + message)


def weighted_index(rng, weights):
    """Index i drawn with probability weights[i] / sum(weights), integers only."""
    total = sum(weights)
    r = rng.randrange(total)
    for i, w in enumerate(weights):
        if r < w:
            return i
        r -= w
    raise AssertionError("unreachable")


def read_agencies(path):
    try:
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
    except OSError as e:
        fail("cannot read {}: {}".format(path, e.strerror))
    if text.startswith("\ufeff") or "\r" in text:
        fail("{}: must be UTF-8 without BOM and with LF line endings".format(path))
    rows = list(csv.reader(text.splitlines()))
    if not rows or rows[0] != AGENCIES_HEADER:
        fail("{}:1: header must be {}".format(path, ",".join(AGENCIES_HEADER)))
    agencies = []
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != 4 or row[3] not in CATEGORIES:
            fail("{}:{}: expected id,name,short_name,category".format(path, line))
        if row[0] not in AGENCY_PLAN:
            fail("{}:{}: agency {} has no entry in AGENCY_PLAN".format(path, line, row[0]))
        agencies.append(row[0])
    missing = sorted(set(AGENCY_PLAN) - set(agencies))
    if missing:
        fail("{}: agencies missing: {}".format(path, " ".join(missing)))
    abbreviations = [AGENCY_PLAN[a][0] for a in agencies]
    if len(set(abbreviations)) != len(abbreviations):
        fail("case-number abbreviations are not distinct")
    return agencies


def day_weights():
    """(dates, cumulative integer weights) for every day of YEAR."""
    dates, cumulative, total = [], [], 0
    day = datetime.date(YEAR, 1, 1)
    while day.year == YEAR:
        md = (day.month, day.day)
        if md in ADJUSTED_WORKDAYS:
            w = 100
        elif md in HOLIDAYS:
            w = 6
        elif day.weekday() >= 5:
            w = 8
        else:
            w = 100
        # Spring Festival, then the COVID lockdown and a slow restart.
        if md < (1, 21):
            w *= 100
        elif md < (2, 10):
            w *= 8
        elif md < (3, 1):
            w *= 35
        elif day.month == 3:
            w *= 80
        elif day.month == 12:
            w *= 115
        else:
            w *= 100
        total += w
        dates.append(day)
        cumulative.append(total)
        day += datetime.timedelta(days=1)
    return dates, cumulative


def draw_date(rng, dates, cumulative):
    return dates[bisect.bisect_right(cumulative, rng.randrange(cumulative[-1]))]


def fine_fen(rng, tier_weights):
    """A fine in fen: mostly round hundreds, spread log-like over 50..500000 yuan."""
    tier = weighted_index(rng, tier_weights)
    if tier == 0:
        yuan = rng.choice([50, 100, 100, 200, 200])
    elif tier == 1:
        yuan = rng.randrange(3, 21) * 100
    elif tier == 2:
        yuan = rng.randrange(5, 41) * 500
    elif tier == 3:
        yuan = rng.randrange(5, 21) * 5000
    else:
        yuan = rng.randrange(3, 11) * 50000
    fen = yuan * 100
    # Some fines add confiscated illegal gains, which are not round.
    if yuan < 400000 and rng.randrange(100) < 8:
        fen += rng.randrange(1, min(fen, 10000000))
    return fen


def seized_value_fen(rng):
    if rng.randrange(100) < 60:
        return rng.randrange(2, 101) * 10000
    return rng.randrange(5000, 5000000)


def format_yuan(fen):
    return "{}.{:02d}".format(fen // 100, fen % 100)


def draw_flags(rng, kind, fen):
    flags = []
    big = fen is not None and fen >= 5000000
    if rng.randrange(1000) < (250 if big and kind == "penalty" else 10):
        flags.append("major")
    if rng.randrange(1000) < 40:
        flags.append("complaint")
    if kind == "penalty" and rng.randrange(1000) < (50 if fen >= 1000000 else 12):
        flags.append("hearing")
    if rng.randrange(1000) < (7 if kind in ("penalty", "coercion", "licensing") else 2):
        flags.append("litigation")
    return ";".join(flags)


def csv_field(value):
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def generate(agencies):
    rng = random.Random(SEED)
    dates, cumulative = day_weights()
    rows = []
    for agency in agencies:
        abbr, profile, tier, base, titles_key = AGENCY_PLAN[agency]
        count = max(MIN_PER_AGENCY, base * (950 + rng.randrange(101)) // 1000)
        titles = TITLES[titles_key]
        weights = [w if kind in titles else 0 for kind, w in zip(KINDS, PROFILES[profile])]
        drafts = []
        for _ in range(count):
            kind = KINDS[weighted_index(rng, weights)]
            closed_on = draw_date(rng, dates, cumulative)
            fen = None
            if kind == "penalty":
                fen = fine_fen(rng, FINE_TIERS[tier])
            elif kind == "coercion" and rng.randrange(100) < 25:
                fen = seized_value_fen(rng)
            flags = draw_flags(rng, kind, fen)
            title = rng.choice(titles[kind])
            drafts.append((closed_on, KINDS.index(kind), fen, flags, title))
        # Numbers per agency and kind follow the closing date, from 1.
        drafts.sort(key=lambda d: (d[0], d[1]))
        sequence = dict.fromkeys(KINDS, 0)
        for closed_on, k, fen, flags, title in drafts:
            kind = KINDS[k]
            sequence[kind] += 1
            case_id = "深罗{}{}〔{}〕{}号".format(abbr, KIND_CHAR[kind], YEAR, sequence[kind])
            amount = "" if fen is None else format_yuan(fen)
            rows.append([case_id, agency, kind, closed_on.isoformat(), amount, flags, title])
    return rows


def check(rows, agencies):
    total = len(rows)
    if not TOTAL_RANGE[0] <= total <= TOTAL_RANGE[1]:
        fail("{} rows, outside {}..{}".format(total, *TOTAL_RANGE))
    if len({r[0] for r in rows}) != total:
        fail("case ids are not unique")
    per_agency = dict.fromkeys(agencies, 0)
    for r in rows:
        per_agency[r[1]] += 1
    small = [a for a, n in per_agency.items() if n < MIN_PER_AGENCY]
    if small:
        fail("fewer than {} files for {}".format(MIN_PER_AGENCY, " ".join(small)))
    quoted = sum(1 for r in rows if csv_field(r[6]) != r[6])
    if quoted < 3:
        fail("only {} titles need CSV quoting, want at least 3".format(quoted))
    return per_agency, quoted


def summarize(rows, per_agency, quoted):
    kinds = collections.Counter(r[2] for r in rows)
    flags = collections.Counter(f for r in rows for f in r[5].split(";") if f)
    weekend = sum(1 for r in rows if datetime.date.fromisoformat(r[3]).weekday() >= 5)
    lo = min(per_agency.values())
    hi = max(per_agency.values())
    err = sys.stderr
    print("wrote {} ({} rows, seed {})".format(os.path.relpath(CASES_CSV, REPO_ROOT), len(rows), SEED),
          file=err)
    print("  kinds: " + ", ".join("{} {}".format(k, kinds[k]) for k in KINDS), file=err)
    print("  flags: " + ", ".join("{} {}".format(f, flags[f])
                                  for f in ("major", "complaint", "hearing", "litigation")), file=err)
    print("  per agency: min {} ({}), max {} ({})".format(
        lo, " ".join(a for a, n in per_agency.items() if n == lo),
        hi, " ".join(a for a, n in per_agency.items() if n == hi)), file=err)
    print("  weekend files: {} ({:.1f}%), titles needing quotes: {}".format(
        weekend, 100.0 * weekend / len(rows), quoted), file=err)


def main():
    if len(sys.argv) > 1:
        fail("takes no arguments; it writes " + os.path.relpath(CASES_CSV, REPO_ROOT))
    agencies = read_agencies(AGENCIES_CSV)
    rows = generate(agencies)
    per_agency, quoted = check(rows, agencies)
    text = "".join(",".join(csv_field(v) for v in row) + "\n" for row in [CASES_HEADER] + rows)
    tmp = CASES_CSV + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, CASES_CSV)
    summarize(rows, per_agency, quoted)


if __name__ == "__main__":
    main()
