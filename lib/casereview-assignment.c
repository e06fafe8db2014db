/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewAssignment:
 *
 * Which reviewers review which sampled files (双随机: random selection of
 * targets and of inspectors), as a [iface@Gio.ListModel] of
 * [class@CaseReview.ReviewTask].
 *
 * [ctor@CaseReview.Assignment.new_draw] gives every file selected in a
 * [class@CaseReview.Sample] its reviewers, drawn at random from a
 * [class@CaseReview.ReviewerPool] with a PCG32 stream of the seed: never a
 * reviewer from the file's own agency (回避), never one who declared a
 * conflict with it, optionally never one from the same region and only
 * reviewers qualified for the file's kind, and with workloads that differ by
 * at most one wherever the rules and capacities allow. The result is
 * reproducible, recorded in a manifest and checked by
 * [method@CaseReview.Assignment.verify]; `docs/assignment.md` specifies the
 * algorithm.
 *
 * Since: 0.1
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "casereview-assignment.h"
#include "casereview-error.h"
#include "casereview-json-members.h"
#include "casereview-random.h"
#include "casereview-review-task-private.h"
#include "casereview-version.h"

#define MANIFEST_FORMAT "libcasereview-assignment-manifest"
#define MANIFEST_VERSION 1

struct _CaseReviewAssignment
{
  GObject parent_instance;

  char *seed;
  guint per_file;
  CaseReviewAssignmentRules rules;
  char *pool_fingerprint;
  char *population_fingerprint;   /* of the sample */
  GPtrArray *tasks;               /* CaseReviewReviewTask, by file then slot */
};

static void case_review_assignment_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaseReviewAssignment, case_review_assignment, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, case_review_assignment_list_model_init))

static GType
case_review_assignment_get_item_type (GListModel *model)
{
  return CASE_REVIEW_TYPE_REVIEW_TASK;
}

static guint
case_review_assignment_get_n_items (GListModel *model)
{
  return CASE_REVIEW_ASSIGNMENT (model)->tasks->len;
}

static gpointer
case_review_assignment_get_item (GListModel *model,
                                 guint       position)
{
  CaseReviewAssignment *self = CASE_REVIEW_ASSIGNMENT (model);

  return position < self->tasks->len ? g_object_ref (g_ptr_array_index (self->tasks, position)) : NULL;
}

static void
case_review_assignment_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = case_review_assignment_get_item_type;
  iface->get_n_items = case_review_assignment_get_n_items;
  iface->get_item = case_review_assignment_get_item;
}

static void
case_review_assignment_finalize (GObject *object)
{
  CaseReviewAssignment *self = CASE_REVIEW_ASSIGNMENT (object);

  g_free (self->seed);
  g_free (self->pool_fingerprint);
  g_free (self->population_fingerprint);
  g_ptr_array_unref (self->tasks);

  G_OBJECT_CLASS (case_review_assignment_parent_class)->finalize (object);
}

static void
case_review_assignment_class_init (CaseReviewAssignmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_assignment_finalize;
}

static void
case_review_assignment_init (CaseReviewAssignment *self)
{
  self->tasks = g_ptr_array_new_with_free_func (g_object_unref);
}

typedef struct
{
  const char *case_id;
  const char *agency_id;
  guint position;        /* in the sample's order */
  GArray *eligible;      /* guint: reviewer indexes, id order */
  guint chosen[8];       /* reviewer indexes, in slot order */
} File;

static int
compare_reviewers (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (case_review_reviewer_get_id (*(CaseReviewReviewer * const *) a),
                 case_review_reviewer_get_id (*(CaseReviewReviewer * const *) b));
}

static int
compare_files_by_constraint (gconstpointer a,
                             gconstpointer b)
{
  const File *x = *(File * const *) a, *y = *(File * const *) b;

  if (x->eligible->len != y->eligible->len)
    return x->eligible->len < y->eligible->len ? -1 : 1;
  return x->position < y->position ? -1 : (x->position > y->position);
}

static gboolean
file_has (const File *file,
          guint       n_chosen,
          guint       reviewer)
{
  for (guint s = 0; s < n_chosen; s++)
    if (file->chosen[s] == reviewer)
      return TRUE;
  return FALSE;
}

static gboolean
eligible_for (const File *file,
              guint       reviewer)
{
  for (guint i = 0; i < file->eligible->len; i++)
    if (g_array_index (file->eligible, guint, i) == reviewer)
      return TRUE;
  return FALSE;
}

static void
file_free (File *file)
{
  g_array_unref (file->eligible);
  g_free (file);
}

typedef struct
{
  int from;      /* reviewer the review moves from, -1 when unreached */
  guint file;    /* index into the processing order */
  guint slot;
} Step;

static gboolean
on_path (const Step *steps,
         guint       node,
         guint       start,
         guint       file)
{
  for (guint at = node; at != start; at = (guint) steps[at].from)
    if (steps[at].file == file)
      return TRUE;
  return FALSE;
}

/* Balance the loads with chains of moves: from a reviewer `heavy`, a
 * breadth-first search over reviewers, where heavy → b when some file of
 * heavy can go to b (b eligible and not yet on it), finds a reviewer `light`
 * with load(light) ≤ load(heavy) − 2 below its capacity; moving each file
 * one step along the chain lowers heavy's load by one, raises light's by
 * one and leaves the rest, so the sum of squared loads falls and this ends.
 * Heavy reviewers are tried by load (largest first, then canonical order),
 * targets and files in canonical and processing order. Without such chains
 * the loads are as even as the rules and capacities allow. */
static void
balance (GPtrArray *order,
         GPtrArray *reviewers,
         guint     *load,
         guint      per_file)
{
  guint n = reviewers->len;
  g_autofree Step *steps = g_new (Step, MAX (n, 1));
  g_autofree guint *queue = g_new (guint, MAX (n, 1));
  g_autofree guint *by_load = g_new (guint, MAX (n, 1));

  for (gboolean moved = TRUE; moved;)
    {
      moved = FALSE;

      /* Reviewers by load descending, then canonical order (a stable
       * insertion sort: there are only dozens). */
      for (guint i = 0; i < n; i++)
        {
          guint j = i;
          while (j > 0 && load[by_load[j - 1]] < load[i])
            {
              by_load[j] = by_load[j - 1];
              j--;
            }
          by_load[j] = i;
        }

      for (guint h = 0; h < n && !moved; h++)
        {
          guint heavy = by_load[h], head = 0, tail = 0;

          for (guint r = 0; r < n; r++)
            steps[r].from = -1;
          steps[heavy].from = (int) heavy;
          queue[tail++] = heavy;

          while (head < tail && !moved)
            {
              guint a = queue[head++];

              for (guint b = 0; b < n && !moved; b++)
                {
                  guint capacity = case_review_reviewer_get_capacity (g_ptr_array_index (reviewers, b));

                  if (steps[b].from >= 0)
                    continue;
                  for (guint f = 0; f < order->len && steps[b].from < 0; f++)
                    {
                      File *file = g_ptr_array_index (order, f);

                      if (file_has (file, per_file, b) || !eligible_for (file, b) || on_path (steps, a, heavy, f))
                        continue;
                      for (guint slot = 0; slot < per_file; slot++)
                        if (file->chosen[slot] == a)
                          {
                            steps[b] = (Step) { (int) a, f, slot };
                            break;
                          }
                    }
                  if (steps[b].from < 0)
                    continue;

                  if (load[b] + 2 <= load[heavy] && (capacity == 0 || load[b] < capacity))
                    {
                      for (guint at = b; at != heavy; at = (guint) steps[at].from)
                        ((File *) g_ptr_array_index (order, steps[at].file))->chosen[steps[at].slot] = at;
                      load[heavy]--;
                      load[b]++;
                      moved = TRUE;
                    }
                  else
                    queue[tail++] = b;
                }
            }
        }
    }
}

/**
 * case_review_assignment_new_draw:
 * @sample: the sample whose selected files need reviewers (primary,
 *   certainty and substitute units)
 * @pool: the reviewer pool
 * @population: (nullable): the sample's population, needed for
 *   %CASE_REVIEW_ASSIGNMENT_RULES_REQUIRE_QUALIFICATION (it knows each
 *   file's kind)
 * @per_file: how many reviewers each file gets, 1 to 8 (2 is usual)
 * @rules: the optional rules to apply
 * @seed: (nullable): the public seed, or %NULL for the sample's
 * @error: return location for a #GError
 *
 * Assigns reviewers to every selected file of @sample at random, as
 * `docs/assignment.md` specifies: files with the fewest eligible reviewers
 * first; for each, reviewers drawn one by one among the eligible ones with
 * the lightest load (a uniform pick from the stream `assign` of the seed);
 * then single reassignments from the most to the least loaded reviewer while
 * loads differ by two or more and a rule-abiding move exists.
 *
 * Returns: (transfer full) (nullable): the assignment, or %NULL with
 *   %CASE_REVIEW_ERROR_INVALID naming the file and how many reviewers each
 *   rule excluded when a file cannot get @per_file reviewers (nothing is
 *   half-assigned)
 *
 * Since: 0.1
 */
CaseReviewAssignment *
case_review_assignment_new_draw (CaseReviewSample           *sample,
                                 CaseReviewReviewerPool     *pool,
                                 CaseReviewPopulation       *population,
                                 guint                       per_file,
                                 CaseReviewAssignmentRules   rules,
                                 const char                 *seed,
                                 GError                    **error)
{
  g_autoptr(CaseReviewAssignment) self = NULL;
  g_autoptr(GPtrArray) reviewers = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) file_free);
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(CaseReviewRandom) rng = NULL;
  g_autofree guint *load = NULL;
  g_autofree guint *tied = NULL;
  guint n_reviewers;

  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE (sample), NULL);
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER_POOL (pool), NULL);
  g_return_val_if_fail (population == NULL || CASE_REVIEW_IS_POPULATION (population), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (seed == NULL)
    seed = case_review_sampling_plan_get_seed (case_review_sample_get_plan (sample));
  if (per_file < 1 || per_file > G_N_ELEMENTS (((File *) NULL)->chosen))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("per_file: %u reviewers per file is outside 1–8"), per_file);
      return NULL;
    }
  if ((rules & CASE_REVIEW_ASSIGNMENT_RULES_REQUIRE_QUALIFICATION) && population == NULL)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("population: the qualification rule needs the population to know each file's kind"));
      return NULL;
    }
  rng = case_review_random_new_from_seed (seed, "assign", error);
  if (rng == NULL)
    return NULL;

  /* Reviewers in canonical order: ids as UTF-8 byte strings. */
  reviewers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pool)); i++)
    g_ptr_array_add (reviewers, g_list_model_get_item (G_LIST_MODEL (pool), i));
  g_ptr_array_sort (reviewers, compare_reviewers);
  n_reviewers = reviewers->len;
  load = g_new0 (guint, MAX (n_reviewers, 1));
  tied = g_new0 (guint, MAX (n_reviewers, 1));

  for (guint i = 0, position = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sample)); i++)
    {
      g_autoptr(CaseReviewSampledCase) unit = g_list_model_get_item (G_LIST_MODEL (sample), i);
      CaseReviewSampleRole role = case_review_sampled_case_get_role (unit);
      const char *agency = case_review_sampled_case_get_agency_id (unit);
      const char *file_region = (rules & CASE_REVIEW_ASSIGNMENT_RULES_AVOID_REGION)
                                  ? case_review_reviewer_pool_get_agency_region (pool, agency) : NULL;
      CaseReviewEnforcementKind kind = CASE_REVIEW_ENFORCEMENT_KIND_OTHER;
      guint own = 0, conflicted = 0, same_region = 0, unqualified = 0;
      File *file;

      if (role == CASE_REVIEW_SAMPLE_ROLE_RESERVE || role == CASE_REVIEW_SAMPLE_ROLE_MISSING)
        continue;

      if (rules & CASE_REVIEW_ASSIGNMENT_RULES_REQUIRE_QUALIFICATION)
        {
          g_autoptr(CaseReviewCaseFile) case_file =
            case_review_population_lookup_case (population, case_review_sampled_case_get_case_id (unit));
          if (case_file == NULL)
            {
              g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
                           _("population: sampled case \"%s\" is not in the population"),
                           case_review_sampled_case_get_case_id (unit));
              return NULL;
            }
          kind = case_review_case_file_get_kind (case_file);
        }

      file = g_new0 (File, 1);
      file->case_id = case_review_sampled_case_get_case_id (unit);
      file->agency_id = agency;
      file->position = position++;
      file->eligible = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (files, file);

      for (guint r = 0; r < n_reviewers; r++)
        {
          CaseReviewReviewer *reviewer = g_ptr_array_index (reviewers, r);

          if (g_strcmp0 (case_review_reviewer_get_agency_id (reviewer), agency) == 0)
            own++;
          else if (case_review_reviewer_has_conflict (reviewer, agency))
            conflicted++;
          else if (file_region != NULL && g_strcmp0 (case_review_reviewer_get_region (reviewer), file_region) == 0)
            same_region++;
          else if ((rules & CASE_REVIEW_ASSIGNMENT_RULES_REQUIRE_QUALIFICATION) &&
                   !case_review_reviewer_may_review (reviewer, kind))
            unqualified++;
          else
            g_array_append_val (file->eligible, r);
        }

      if (file->eligible->len < per_file)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                       _("file \"%s\" (agency %s): %u of %u reviewers remain eligible, %u needed — "
                         "%u work for the agency, %u declared a conflict, %u are in its region, "
                         "%u are not qualified for its kind"),
                       file->case_id, agency, file->eligible->len, n_reviewers, per_file,
                       own, conflicted, same_region, unqualified);
          return NULL;
        }
    }

  /* The most constrained files first, so that their few reviewers are
   * still free when they come. */
  order = g_ptr_array_copy (files, NULL, NULL);
  g_ptr_array_set_free_func (order, NULL);
  g_ptr_array_sort (order, compare_files_by_constraint);

  for (guint f = 0; f < order->len; f++)
    {
      File *file = g_ptr_array_index (order, f);

      for (guint slot = 0; slot < per_file; slot++)
        {
          guint lightest = G_MAXUINT, n_tied = 0;

          for (guint e = 0; e < file->eligible->len; e++)
            {
              guint r = g_array_index (file->eligible, guint, e);
              guint capacity = case_review_reviewer_get_capacity (g_ptr_array_index (reviewers, r));

              if (file_has (file, slot, r) || (capacity != 0 && load[r] >= capacity))
                continue;
              if (load[r] < lightest)
                lightest = load[r], n_tied = 0;
              if (load[r] == lightest)
                tied[n_tied++] = r;
            }
          if (n_tied == 0)
            {
              g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                           _("capacity: file \"%s\" (agency %s) cannot get %u reviewers — the eligible reviewers' capacities are used up"),
                           file->case_id, file->agency_id, per_file);
              return NULL;
            }
          file->chosen[slot] = tied[case_review_random_bounded (rng, n_tied)];
          load[file->chosen[slot]]++;
        }
    }

  balance (order, reviewers, load, per_file);

  self = g_object_new (CASE_REVIEW_TYPE_ASSIGNMENT, NULL);
  self->seed = g_strdup (seed);
  self->per_file = per_file;
  self->rules = rules;
  self->pool_fingerprint = case_review_reviewer_pool_dup_fingerprint (pool);
  self->population_fingerprint = g_strdup (case_review_sample_get_population_fingerprint (sample));
  for (guint f = 0; f < files->len; f++)
    {
      File *file = g_ptr_array_index (files, f);

      for (guint slot = 0; slot < per_file; slot++)
        g_ptr_array_add (self->tasks,
                         case_review_review_task_new_internal (file->case_id, file->agency_id,
                                                               case_review_reviewer_get_id (g_ptr_array_index (reviewers, file->chosen[slot])),
                                                               slot));
    }
  return g_steal_pointer (&self);
}

/**
 * case_review_assignment_get_seed:
 * @self: an assignment
 *
 * The seed the reviewers were drawn with.
 *
 * Returns: the seed
 *
 * Since: 0.1
 */
const char *
case_review_assignment_get_seed (CaseReviewAssignment *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_ASSIGNMENT (self), NULL);
  return self->seed;
}

/**
 * case_review_assignment_get_per_file:
 * @self: an assignment
 *
 * How many reviewers each file has.
 *
 * Returns: the number of reviewers per file
 *
 * Since: 0.1
 */
guint
case_review_assignment_get_per_file (CaseReviewAssignment *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_ASSIGNMENT (self), 0);
  return self->per_file;
}

/**
 * case_review_assignment_get_rules:
 * @self: an assignment
 *
 * The optional rules that were applied.
 *
 * Returns: the rules
 *
 * Since: 0.1
 */
CaseReviewAssignmentRules
case_review_assignment_get_rules (CaseReviewAssignment *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_ASSIGNMENT (self), CASE_REVIEW_ASSIGNMENT_RULES_NONE);
  return self->rules;
}

/**
 * case_review_assignment_dup_reviewers_for:
 * @self: an assignment
 * @case_id: a sampled case id
 *
 * The reviewers of one file, in slot order.
 *
 * Returns: (transfer full) (array zero-terminated=1): reviewer ids, empty
 *   for a file without reviewers
 *
 * Since: 0.1
 */
char **
case_review_assignment_dup_reviewers_for (CaseReviewAssignment *self,
                                          const char           *case_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CASE_REVIEW_IS_ASSIGNMENT (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  for (guint i = 0; i < self->tasks->len; i++)
    {
      CaseReviewReviewTask *task = g_ptr_array_index (self->tasks, i);
      if (g_str_equal (case_review_review_task_get_case_id (task), case_id))
        g_strv_builder_add (builder, case_review_review_task_get_reviewer_id (task));
    }
  return g_strv_builder_end (builder);
}

/**
 * case_review_assignment_get_load:
 * @self: an assignment
 * @reviewer_id: a reviewer id
 *
 * How many files a reviewer was given.
 *
 * Returns: the reviewer's number of files
 *
 * Since: 0.1
 */
guint
case_review_assignment_get_load (CaseReviewAssignment *self,
                                 const char           *reviewer_id)
{
  guint load = 0;

  g_return_val_if_fail (CASE_REVIEW_IS_ASSIGNMENT (self), 0);
  g_return_val_if_fail (reviewer_id != NULL, 0);

  for (guint i = 0; i < self->tasks->len; i++)
    load += g_str_equal (case_review_review_task_get_reviewer_id (g_ptr_array_index (self->tasks, i)), reviewer_id);
  return load;
}

/**
 * case_review_assignment_to_manifest:
 * @self: an assignment
 *
 * The assignment's manifest: seed, reviewers per file, rules, the
 * fingerprints of the reviewer pool and of the sample's population, and
 * every task.
 *
 * Returns: (transfer full): the manifest as JSON text
 *
 * Since: 0.1
 */
char *
case_review_assignment_to_manifest (CaseReviewAssignment *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_ASSIGNMENT (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, MANIFEST_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, MANIFEST_VERSION);
  json_builder_set_member_name (builder, "library_version");
  json_builder_add_string_value (builder, CASE_REVIEW_VERSION_S);
  json_builder_set_member_name (builder, "seed");
  json_builder_add_string_value (builder, self->seed);
  json_builder_set_member_name (builder, "per_file");
  json_builder_add_int_value (builder, self->per_file);
  json_builder_set_member_name (builder, "avoid_region");
  json_builder_add_boolean_value (builder, (self->rules & CASE_REVIEW_ASSIGNMENT_RULES_AVOID_REGION) != 0);
  json_builder_set_member_name (builder, "require_qualification");
  json_builder_add_boolean_value (builder, (self->rules & CASE_REVIEW_ASSIGNMENT_RULES_REQUIRE_QUALIFICATION) != 0);
  json_builder_set_member_name (builder, "pool_fingerprint");
  json_builder_add_string_value (builder, self->pool_fingerprint);
  json_builder_set_member_name (builder, "population_fingerprint");
  json_builder_add_string_value (builder, self->population_fingerprint);
  json_builder_set_member_name (builder, "tasks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->tasks->len; i++)
    {
      CaseReviewReviewTask *task = g_ptr_array_index (self->tasks, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "case_id");
      json_builder_add_string_value (builder, case_review_review_task_get_case_id (task));
      json_builder_set_member_name (builder, "agency");
      json_builder_add_string_value (builder, case_review_review_task_get_agency_id (task));
      json_builder_set_member_name (builder, "reviewer");
      json_builder_add_string_value (builder, case_review_review_task_get_reviewer_id (task));
      json_builder_set_member_name (builder, "slot");
      json_builder_add_int_value (builder, case_review_review_task_get_slot (task));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}

/**
 * case_review_assignment_save_manifest:
 * @self: an assignment
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes [method@CaseReview.Assignment.to_manifest] to a file, replacing it
 * atomically.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_assignment_save_manifest (CaseReviewAssignment  *self,
                                      GFile                 *file,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  g_autofree char *manifest = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_ASSIGNMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  manifest = case_review_assignment_to_manifest (self);
  return g_file_replace_contents (file, manifest, strlen (manifest), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}

#define CONTEXT "assignment manifest"

/**
 * case_review_assignment_new_from_manifest:
 * @manifest: an assignment manifest as JSON text
 * @error: return location for a #GError
 *
 * Reads an assignment back from its manifest, for
 * [method@CaseReview.Assignment.verify].
 *
 * Returns: (transfer full) (nullable): the assignment, or %NULL with
 *   %CASE_REVIEW_ERROR_PARSE, %CASE_REVIEW_ERROR_UNSUPPORTED or
 *   %CASE_REVIEW_ERROR_INVALID naming the JSON path
 *
 * Since: 0.1
 */
CaseReviewAssignment *
case_review_assignment_new_from_manifest (const char  *manifest,
                                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(CaseReviewAssignment) self = NULL;
  JsonObject *object;
  JsonArray *tasks;
  const char *seed, *pool, *population;
  gboolean avoid_region, require_qualification;

  g_return_val_if_fail (manifest != NULL, NULL);

  object = json_members_load_document (parser, manifest, CONTEXT, MANIFEST_FORMAT, MANIFEST_VERSION, error);
  if (object == NULL)
    return NULL;

  self = g_object_new (CASE_REVIEW_TYPE_ASSIGNMENT, NULL);
  if (!json_members_string (object, "seed", CONTEXT, "$", TRUE, &seed, error) ||
      !json_members_string (object, "pool_fingerprint", CONTEXT, "$", TRUE, &pool, error) ||
      !json_members_string (object, "population_fingerprint", CONTEXT, "$", TRUE, &population, error) ||
      !json_members_uint (object, "per_file", CONTEXT, "$", &self->per_file, error) ||
      !json_members_boolean (object, "avoid_region", CONTEXT, "$", &avoid_region, error) ||
      !json_members_boolean (object, "require_qualification", CONTEXT, "$", &require_qualification, error))
    return NULL;
  self->seed = g_strdup (seed);
  self->pool_fingerprint = g_strdup (pool);
  self->population_fingerprint = g_strdup (population);
  self->rules = (avoid_region ? CASE_REVIEW_ASSIGNMENT_RULES_AVOID_REGION : 0) |
                (require_qualification ? CASE_REVIEW_ASSIGNMENT_RULES_REQUIRE_QUALIFICATION : 0);

  if ((tasks = json_members_array (object, "tasks", CONTEXT, "$", error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (tasks); i++)
    {
      JsonNode *element = json_array_get_element (tasks, i);
      g_autofree char *path = g_strdup_printf ("$.tasks[%u]", i);
      const char *case_id, *agency, *reviewer;
      guint slot;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          json_members_error (error, CONTEXT, path, _("expected an object"));
          return NULL;
        }
      JsonObject *task = json_node_get_object (element);

      if (!json_members_string (task, "case_id", CONTEXT, path, TRUE, &case_id, error) ||
          !json_members_string (task, "agency", CONTEXT, path, TRUE, &agency, error) ||
          !json_members_string (task, "reviewer", CONTEXT, path, TRUE, &reviewer, error) ||
          !json_members_uint (task, "slot", CONTEXT, path, &slot, error))
        return NULL;
      g_ptr_array_add (self->tasks, case_review_review_task_new_internal (case_id, agency, reviewer, slot));
    }

  return g_steal_pointer (&self);
}

/**
 * case_review_assignment_verify:
 * @self: an assignment, usually read from a manifest
 * @sample: the sample it claims to assign
 * @pool: the reviewer pool it claims to draw from
 * @population: (nullable): the sample's population (needed when the
 *   qualification rule was applied)
 * @error: return location for a #GError
 *
 * Recomputes the assignment from its seed, reviewers per file and rules and
 * compares: the pool's fingerprint, the sample's population fingerprint and
 * every task.
 *
 * Returns: %TRUE if the assignment is exactly what the draw gives; otherwise
 *   %FALSE with %CASE_REVIEW_ERROR_VERIFY listing each difference on its own
 *   line, or the error the redraw gave
 *
 * Since: 0.1
 */
gboolean
case_review_assignment_verify (CaseReviewAssignment    *self,
                               CaseReviewSample        *sample,
                               CaseReviewReviewerPool  *pool,
                               CaseReviewPopulation    *population,
                               GError                 **error)
{
  g_autoptr(CaseReviewAssignment) redrawn = NULL;
  g_autoptr(GString) differences = g_string_new (NULL);
  guint n_differences = 0;

  g_return_val_if_fail (CASE_REVIEW_IS_ASSIGNMENT (self), FALSE);

  redrawn = case_review_assignment_new_draw (sample, pool, population, self->per_file, self->rules, self->seed, error);
  if (redrawn == NULL)
    {
      g_prefix_error (error, _("the assignment cannot be redrawn: "));
      return FALSE;
    }

#define DIFFERENCE(...) (n_differences++, g_string_append_c (differences, '\n'), g_string_append_printf (differences, __VA_ARGS__))
  if (!g_str_equal (redrawn->pool_fingerprint, self->pool_fingerprint))
    DIFFERENCE (_("reviewer pool: the fingerprint is %s but the manifest records %s"),
                redrawn->pool_fingerprint, self->pool_fingerprint);
  if (!g_str_equal (redrawn->population_fingerprint, self->population_fingerprint))
    DIFFERENCE (_("sample: its population fingerprint is %s but the manifest records %s"),
                redrawn->population_fingerprint, self->population_fingerprint);
  if (redrawn->tasks->len != self->tasks->len)
    DIFFERENCE (_("tasks: the manifest lists %u, the draw gives %u"), self->tasks->len, redrawn->tasks->len);
  for (guint i = 0; i < MIN (redrawn->tasks->len, self->tasks->len); i++)
    {
      CaseReviewReviewTask *a = g_ptr_array_index (self->tasks, i), *b = g_ptr_array_index (redrawn->tasks, i);

      if (!g_str_equal (case_review_review_task_get_case_id (a), case_review_review_task_get_case_id (b)) ||
          !g_str_equal (case_review_review_task_get_reviewer_id (a), case_review_review_task_get_reviewer_id (b)) ||
          case_review_review_task_get_slot (a) != case_review_review_task_get_slot (b))
        DIFFERENCE (_("file \"%s\", slot %u: the manifest names reviewer %s, the draw gives %s for file \"%s\""),
                    case_review_review_task_get_case_id (a), case_review_review_task_get_slot (a),
                    case_review_review_task_get_reviewer_id (a), case_review_review_task_get_reviewer_id (b),
                    case_review_review_task_get_case_id (b));
    }
#undef DIFFERENCE

  if (n_differences == 0)
    return TRUE;

  g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_VERIFY,
               g_dngettext (GETTEXT_PACKAGE, "the assignment does not match its draw (%u difference):%s",
                            "the assignment does not match its draw (%u differences):%s", n_differences),
               n_differences, differences->str);
  return FALSE;
}
