/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The subjects of a composite evaluation and their raw values, checked as
 * they are added: a subject id is unique, a value fits its component's rule,
 * a single-score or vote component gets one value per subject, and a rater
 * scores a subject's component once.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "casereview-composite-private.h"
#include "casereview-error.h"

static void
composite_values_free (CompositeValues *values)
{
  g_free (values->component_id);
  g_array_unref (values->values);
  g_ptr_array_unref (values->raters);
  g_free (values);
}

static CompositeValues *
composite_values_new (const char *component_id)
{
  CompositeValues *values = g_new0 (CompositeValues, 1);

  values->component_id = g_strdup (component_id);
  values->values = g_array_new (FALSE, FALSE, sizeof (gint64));
  values->raters = g_ptr_array_new_with_free_func (g_free);
  return values;
}

static void
composite_subject_free (CompositeSubject *subject)
{
  g_free (subject->id);
  g_free (subject->name);
  g_ptr_array_unref (subject->components);
  g_free (subject);
}

static CompositeSubject *
composite_subject_new (const char *id,
                       const char *name)
{
  CompositeSubject *subject = g_new0 (CompositeSubject, 1);

  subject->id = g_strdup (id);
  subject->name = g_strdup (name);
  subject->components = g_ptr_array_new_with_free_func ((GDestroyNotify) composite_values_free);
  return subject;
}

CompositeScores *
composite_scores_new (void)
{
  CompositeScores *scores = g_new0 (CompositeScores, 1);

  scores->subjects = g_ptr_array_new_with_free_func ((GDestroyNotify) composite_subject_free);
  scores->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  return scores;
}

void
composite_scores_free (CompositeScores *scores)
{
  g_hash_table_unref (scores->by_id);
  g_ptr_array_unref (scores->subjects);
  g_free (scores);
}

CompositeScores *
composite_scores_copy (const CompositeScores *scores)
{
  CompositeScores *copy = composite_scores_new ();

  for (guint s = 0; s < scores->subjects->len; s++)
    {
      const CompositeSubject *subject = g_ptr_array_index (scores->subjects, s);
      CompositeSubject *subject_copy = composite_subject_new (subject->id, subject->name);

      for (guint c = 0; c < subject->components->len; c++)
        {
          const CompositeValues *values = g_ptr_array_index (subject->components, c);
          CompositeValues *values_copy = composite_values_new (values->component_id);

          g_array_append_vals (values_copy->values, values->values->data, values->values->len);
          for (guint v = 0; v < values->raters->len; v++)
            g_ptr_array_add (values_copy->raters, g_strdup (g_ptr_array_index (values->raters, v)));
          g_ptr_array_add (subject_copy->components, values_copy);
        }
      g_ptr_array_add (copy->subjects, subject_copy);
      g_hash_table_insert (copy->by_id, subject_copy->id, subject_copy);
    }
  copy->n_values = scores->n_values;
  return copy;
}

CompositeSubject *
composite_scores_lookup (CompositeScores *scores,
                         const char      *subject_id)
{
  return g_hash_table_lookup (scores->by_id, subject_id);
}

CompositeValues *
composite_subject_lookup (CompositeSubject *subject,
                          const char       *component_id)
{
  for (guint c = 0; c < subject->components->len; c++)
    {
      CompositeValues *values = g_ptr_array_index (subject->components, c);

      if (g_str_equal (values->component_id, component_id))
        return values;
    }
  return NULL;
}

/* Adds a subject. With @existing_ok, a subject already there with the same
 * name is fine (a CSV file names the subject on every row); otherwise any
 * second subject with the id is a duplicate. */
gboolean
composite_scores_add_subject (CompositeScores  *scores,
                              const char       *subject_id,
                              const char       *name,
                              gboolean          existing_ok,
                              GError          **error)
{
  CompositeSubject *subject;

  if (subject_id[0] == '\0' || !g_utf8_validate (subject_id, -1, NULL))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID, _("the subject id is empty"));
      return FALSE;
    }
  if (name[0] == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID, _("subject \"%s\": the name is empty"),
                   subject_id);
      return FALSE;
    }

  subject = composite_scores_lookup (scores, subject_id);
  if (subject != NULL)
    {
      if (!existing_ok)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE,
                       _("duplicate subject \"%s\" (already added as %s)"), subject_id, subject->name);
          return FALSE;
        }
      if (!g_str_equal (subject->name, name))
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE,
                       _("duplicate subject \"%s\": named %s here but %s before"), subject_id, name, subject->name);
          return FALSE;
        }
      return TRUE;
    }

  subject = composite_subject_new (subject_id, name);
  g_ptr_array_add (scores->subjects, subject);
  g_hash_table_insert (scores->by_id, subject->id, subject);
  return TRUE;
}

/* Adds a raw value (hundredths or votes, already parsed) of @component to a
 * subject. *@out_field tells which input field a failure is about. */
gboolean
composite_scores_add_value (CompositeScores               *scores,
                            const char                    *subject_id,
                            CaseReviewCompositeComponent  *component,
                            const char                    *rater,
                            gint64                         value,
                            CompositeField                *out_field,
                            GError                       **error)
{
  const char *component_id = case_review_composite_component_get_id (component);
  CaseReviewCompositeRule rule = case_review_composite_component_get_rule (component);
  CompositeSubject *subject = composite_scores_lookup (scores, subject_id);
  CompositeValues *values;

  *out_field = COMPOSITE_FIELD_VALUE;
  if (subject == NULL)
    {
      *out_field = COMPOSITE_FIELD_SUBJECT;
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
                   _("unknown subject \"%s\": add the subject before its scores"), subject_id);
      return FALSE;
    }
  if (rule == CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE)
    {
      if (value < 0)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                       _("subject \"%s\", component \"%s\": vote count %" G_GINT64_FORMAT " is negative"),
                       subject_id, component_id, value);
          return FALSE;
        }
      if (value > COMPOSITE_VOTES_MAX)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                       _("subject \"%s\", component \"%s\": vote count %" G_GINT64_FORMAT " is more than 10¹² votes"),
                       subject_id, component_id, value);
          return FALSE;
        }
    }
  else if (value < 0 || value > COMPOSITE_SCORE_MAX)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("subject \"%s\", component \"%s\": score %" G_GINT64_FORMAT " hundredths is out of range "
                     "(0 to 10000 hundredths, 0 to 100 points)"),
                   subject_id, component_id, value);
      return FALSE;
    }

  if (rater != NULL && rater[0] == '\0')
    rater = NULL;
  values = composite_subject_lookup (subject, component_id);
  if (values != NULL && values->values->len > 0 &&
      (rule == CASE_REVIEW_COMPOSITE_RULE_SINGLE || rule == CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE,
                   rule == CASE_REVIEW_COMPOSITE_RULE_SINGLE
                     ? _("subject \"%s\", component \"%s\": the component takes a single score and one was already given")
                     : _("subject \"%s\", component \"%s\": the component takes one vote count and one was already given"),
                   subject_id, component_id);
      return FALSE;
    }
  if (values != NULL && rater != NULL)
    for (guint v = 0; v < values->raters->len; v++)
      if (g_str_equal (g_ptr_array_index (values->raters, v), rater))
        {
          *out_field = COMPOSITE_FIELD_RATER;
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE,
                       _("subject \"%s\", component \"%s\": rater %s already gave a score"),
                       subject_id, component_id, rater);
          return FALSE;
        }

  if (values == NULL)
    {
      values = composite_values_new (component_id);
      g_ptr_array_add (subject->components, values);
    }
  g_array_append_val (values->values, value);
  g_ptr_array_add (values->raters, g_strdup (rater != NULL ? rater : ""));
  scores->n_values++;
  return TRUE;
}
