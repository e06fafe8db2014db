/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The wording of a rectification notice, in Chinese and English: turns a
 * CaseReviewNotice into a CaseReviewNoticeDocument that the renderers lay
 * out. Private.
 */
#include "config.h"

#include <string.h>

#include "casereview-notice-document.h"

static gboolean
is_english (CaseReviewNotice *notice)
{
  return case_review_notice_get_language (notice) == CASE_REVIEW_NOTICE_LANGUAGE_EN;
}

/* 2021年3月3日 or 3 March 2021. */
static char *
format_date (const GDate *date,
             gboolean     english)
{
  static const char * const months[] = { "", "January", "February", "March", "April", "May", "June", "July",
                                         "August", "September", "October", "November", "December" };

  if (english)
    return g_strdup_printf ("%u %s %u", g_date_get_day (date), months[g_date_get_month (date)],
                            g_date_get_year (date));
  return g_strdup_printf ("%u年%u月%u日", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* Points in tenths as the shortest decimal: 20 → "2", 5 → "0.5". */
static char *
format_points (guint tenths)
{
  return tenths % 10 == 0 ? g_strdup_printf ("%u", tenths / 10) : g_strdup_printf ("%u.%u", tenths / 10, tenths % 10);
}

static char *
format_hundredths (guint hundredths)
{
  return g_strdup_printf ("%u.%02u", hundredths / 100, hundredths % 100);
}

static char *
kinds_summary (CaseReviewNotice *notice,
               gboolean          english)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    {
      guint n = case_review_notice_get_kind_n_files (notice, k);

      if (n == 0)
        continue;
      if (english)
        g_string_append_printf (text, "%s%u %s", text->len > 0 ? ", " : "", n,
                                case_review_enforcement_kind_get_english_label (k));
      else
        g_string_append_printf (text, "%s%s%u宗", text->len > 0 ? "、" : "", case_review_enforcement_kind_get_label (k),
                                n);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
review_paragraph (CaseReviewNotice *notice,
                  gboolean          english)
{
  const GDate *start = case_review_notice_get_review_start (notice);
  const GDate *end = case_review_notice_get_review_end (notice);
  g_autofree char *kinds = kinds_summary (notice, english);
  g_autofree char *when = NULL;
  guint year = case_review_notice_get_year (notice);
  guint n = case_review_notice_get_n_files (notice);

  if (start != NULL && end != NULL)
    {
      g_autofree char *from = format_date (start, english), *to = format_date (end, english);
      when = english ? g_strdup_printf (" from %s to %s", from, to) : g_strdup_printf ("于%s至%s", from, to);
    }
  else
    when = g_strdup ("");

  if (english)
    return g_strdup_printf ("Under %s, this office%s reviewed a random sample of the administrative enforcement case "
                            "files your agency closed in %u, each file scored by reviewers drawn at random: %u of "
                            "your files were reviewed%s%s%s.",
                            case_review_notice_get_basis (notice), when, year, n, *kinds ? " (" : "", kinds,
                            *kinds ? ")" : "");
  return g_strdup_printf ("根据%s，本机关%s对你单位%u年度办结的行政执法案卷进行了抽样评查，采取随机抽取案卷、随机选派评查人员"
                          "的方式，共评查你单位案卷%u宗%s%s%s。",
                          case_review_notice_get_basis (notice), when, year, n, *kinds ? "（其中" : "", kinds,
                          *kinds ? "）" : "");
}

static char *
result_paragraph (CaseReviewNotice *notice,
                  gboolean          english)
{
  g_autofree char *mean = format_hundredths (case_review_notice_get_mean_hundredths (notice));
  CaseReviewGrade grade = case_review_notice_get_grade (notice);

  if (english)
    return g_strdup_printf ("Your files scored %s on average, graded “%s”, ranking %u of the %u agencies reviewed. "
                            "Files graded failed: %u; files with a legality veto: %u. The problems found are listed "
                            "below; correct them as this notice requires.",
                            mean, case_review_grade_get_english_label (grade), case_review_notice_get_rank (notice),
                            case_review_notice_get_n_agencies (notice), case_review_notice_get_n_failed (notice),
                            case_review_notice_get_n_vetoed (notice));
  return g_strdup_printf ("评查结果：你单位案卷平均得分%s分，等次为“%s”，在参评的%u个单位中排名第%u位；其中不合格案卷%u宗，"
                          "存在合法性否决问题的案卷%u宗。现将评查发现的问题通知如下，请认真整改。",
                          mean, case_review_grade_get_label (grade), case_review_notice_get_n_agencies (notice),
                          case_review_notice_get_rank (notice), case_review_notice_get_n_failed (notice),
                          case_review_notice_get_n_vetoed (notice));
}

static char *
channel_paragraph (CaseReviewNotice *notice,
                   gboolean          english)
{
  if (english)
    return g_strdup_printf ("Under %s, this office tested whether the complaint channels your agency publishes can "
                            "be reached and answer. The channels that failed are listed below.",
                            case_review_notice_get_basis (notice));
  return g_strdup_printf ("根据%s，本机关对你单位公布的投诉举报渠道进行了畅通性检查，发现以下渠道不畅通，现通知如下，请认真整改。",
                          case_review_notice_get_basis (notice));
}

static char *
deadline_paragraph (CaseReviewNotice *notice,
                    gboolean          english)
{
  const GDate *deadline = case_review_notice_get_deadline (notice);
  guint days = case_review_notice_get_deadline_days (notice);
  gboolean working = case_review_notice_get_working_days (notice);
  g_autofree char *by = NULL;

  if (deadline != NULL)
    {
      g_autofree char *date = format_date (deadline, english);
      by = english ? g_strdup_printf (" (that is, by %s)", date) : g_strdup_printf ("（即%s前）", date);
    }
  if (english)
    return g_strdup_printf ("3. Deadline. Complete the rectification within %u %s of receiving this notice%s. %s", days,
                            working ? "working days" : "days", by != NULL ? by : "",
                            case_review_notice_get_feedback (notice));
  return g_strdup_printf ("三、整改期限。请你单位自收到本通知书之日起%u%s内%s完成整改。%s", days, working ? "个工作日" : "日",
                          by != NULL ? by : "", case_review_notice_get_feedback (notice));
}

static void
row_free (CaseReviewNoticeRow *row)
{
  g_free (row->case_id);
  g_free (row->problem);
  g_free (row->rule);
  g_free (row->severity);
  g_free (row->evidence_page);
  g_free (row);
}

static void
group_free (CaseReviewNoticeGroup *group)
{
  g_free (group->heading);
  g_ptr_array_unref (group->rows);
  g_free (group);
}

static CaseReviewNoticeRow *
make_row (CaseReviewNoticeProblem *problem,
          gboolean                 english)
{
  CaseReviewNoticeRow *row = g_new0 (CaseReviewNoticeRow, 1);
  CaseReviewProblemSeverity severity = case_review_notice_problem_get_severity (problem);
  const char *text = english && *case_review_notice_problem_get_english_text (problem) != '\0'
                     ? case_review_notice_problem_get_english_text (problem)
                     : case_review_notice_problem_get_text (problem);
  const char *note = case_review_notice_problem_get_note (problem);
  const char *basis = case_review_notice_problem_get_basis (problem);
  const char *item_title = english && *case_review_notice_problem_get_item_english_title (problem) != '\0'
                           ? case_review_notice_problem_get_item_english_title (problem)
                           : case_review_notice_problem_get_item_title (problem);

  row->kind = severity;
  row->case_id = g_strdup (case_review_notice_problem_get_case_id (problem));
  row->problem = *note != '\0' ? g_strdup_printf (english ? "%s (%s)" : "%s（%s）", text, note) : g_strdup (text);
  if (*basis != '\0')
    row->rule = g_strdup (basis);
  else
    row->rule = g_strdup_printf (english ? "Rubric item %s, %s" : "评查标准第%s项“%s”",
                                 case_review_notice_problem_get_item_code (problem), item_title);
  switch (severity)
    {
    case CASE_REVIEW_PROBLEM_SEVERITY_VETO:
      row->severity = g_strdup (english ? "veto" : "否决");
      break;
    case CASE_REVIEW_PROBLEM_SEVERITY_CHANNEL:
      row->severity = g_strdup (english ? "channel failure" : "渠道不畅通");
      break;
    case CASE_REVIEW_PROBLEM_SEVERITY_DEDUCTION:
    default:
      {
        g_autofree char *points = format_points (case_review_notice_problem_get_points_tenths (problem));
        guint times = case_review_notice_problem_get_occurrences (problem);

        if (times > 1)
          row->severity = g_strdup_printf (english ? "−%s × %u" : "扣%s分×%u", points, times);
        else
          row->severity = g_strdup_printf (english ? "−%s" : "扣%s分", points);
      }
    }
  row->evidence_page = g_strdup (case_review_notice_problem_get_evidence_page (problem));
  return row;
}

static char *
group_heading (CaseReviewNoticeProblem *problem,
               gboolean                 english)
{
  const char *title = english && *case_review_notice_problem_get_item_english_title (problem) != '\0'
                      ? case_review_notice_problem_get_item_english_title (problem)
                      : case_review_notice_problem_get_item_title (problem);

  switch (case_review_notice_problem_get_severity (problem))
    {
    case CASE_REVIEW_PROBLEM_SEVERITY_VETO:
      return g_strdup (english ? "Legality vetoes" : "合法性否决项");
    case CASE_REVIEW_PROBLEM_SEVERITY_CHANNEL:
      return g_strdup (english ? "Complaint channels" : "投诉举报渠道");
    case CASE_REVIEW_PROBLEM_SEVERITY_DEDUCTION:
    default:
      return g_strdup_printf (english ? "Item %s: %s" : "评查项目%s：%s", case_review_notice_problem_get_item_code (problem), title);
    }
}

/* The problems arrive sorted (vetoes, then by item); a new group starts
 * whenever the heading changes. */
static GPtrArray *
make_groups (CaseReviewNotice *notice,
             gboolean          english)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  GListModel *problems = case_review_notice_get_problems (notice);
  CaseReviewNoticeGroup *group = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(CaseReviewNoticeProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *heading = group_heading (problem, english);

      if (group == NULL || strcmp (group->heading, heading) != 0)
        {
          group = g_new0 (CaseReviewNoticeGroup, 1);
          group->heading = g_steal_pointer (&heading);
          group->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
          g_ptr_array_add (groups, group);
        }
      g_ptr_array_add (group->rows, make_row (problem, english));
    }
  return groups;
}

CaseReviewNoticeDocument *
case_review_notice_document_new (CaseReviewNotice *notice)
{
  CaseReviewNoticeDocument *document = g_new0 (CaseReviewNoticeDocument, 1);
  gboolean english = is_english (notice);
  const char * const *copy_to = case_review_notice_get_copy_to (notice);
  const GDate *issued_on = case_review_notice_get_issued_on (notice);
  const char *columns_zh[] = { "案卷编号", "存在问题", "违反规定或评查项目", "性质", "证据页码" };
  const char *columns_en[] = { "Case file", "Problem", "Rule", "Severity", "Evidence" };

  document->language = case_review_notice_get_language (notice);
  document->issuer = g_strdup (case_review_notice_get_issuer (notice));
  document->title = g_strdup (case_review_notice_get_title (notice));
  document->number = g_strdup (case_review_notice_get_number (notice) != NULL ? case_review_notice_get_number (notice)
                               : english ? "(draft, not numbered)" : "（草稿，未编号）");
  /* A printed draft must not pass for an issued notice. */
  document->draft_mark = case_review_notice_get_number (notice) != NULL ? NULL
                         : g_strdup (english ? "DRAFT" : "草稿");
  document->addressee = english ? g_strdup_printf ("To: %s", case_review_notice_get_agency_name (notice))
                                : g_strdup_printf ("%s：", case_review_notice_get_agency_name (notice));

  document->opening = g_ptr_array_new_with_free_func (g_free);
  if (case_review_notice_get_n_files (notice) > 0)
    {
      g_ptr_array_add (document->opening, review_paragraph (notice, english));
      g_ptr_array_add (document->opening, result_paragraph (notice, english));
    }
  else
    g_ptr_array_add (document->opening, channel_paragraph (notice, english));

  document->problems_heading = g_strdup (english ? "1. Problems found" : "一、存在的问题");
  for (guint i = 0; i < G_N_ELEMENTS (document->columns); i++)
    document->columns[i] = g_strdup (english ? columns_en[i] : columns_zh[i]);
  document->groups = make_groups (notice, english);

  document->closing = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (document->closing, g_strdup_printf (english ? "2. Requirements. %s" : "二、整改要求。%s",
                                                       case_review_notice_get_requirements (notice)));
  g_ptr_array_add (document->closing, deadline_paragraph (notice, english));
  g_ptr_array_add (document->closing, g_strdup_printf (english ? "4. Consequences. %s" : "四、责任后果。%s",
                                                       case_review_notice_get_consequences (notice)));
  g_ptr_array_add (document->closing, g_strdup_printf (english ? "5. Objections. %s" : "五、异议途径。%s",
                                                       case_review_notice_get_objection_route (notice)));

  document->signature = g_strdup (case_review_notice_get_issuer (notice));
  document->date = issued_on != NULL ? format_date (issued_on, english)
                                     : g_strdup (english ? "(not issued)" : "（未印发）");
  if (copy_to != NULL && copy_to[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (english ? ", " : "，", (char **) copy_to);
      document->copy_to = g_strdup_printf (english ? "Copy to: %s." : "抄送：%s。", list);
    }
  document->footer = g_strdup ("— %u —");
  return document;
}

void
case_review_notice_document_free (CaseReviewNoticeDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->issuer);
  g_free (document->title);
  g_free (document->number);
  g_free (document->draft_mark);
  g_free (document->addressee);
  g_ptr_array_unref (document->opening);
  g_free (document->problems_heading);
  for (guint i = 0; i < G_N_ELEMENTS (document->columns); i++)
    g_free (document->columns[i]);
  g_ptr_array_unref (document->groups);
  g_ptr_array_unref (document->closing);
  g_free (document->signature);
  g_free (document->date);
  g_free (document->copy_to);
  g_free (document->footer);
  g_free (document);
}
