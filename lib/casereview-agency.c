/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewAgency:
 *
 * An administrative enforcement agency (执法单位) whose case files are
 * reviewed: an identifier such as `LH13`, its full name
 * (深圳市罗湖区城市管理和综合执法局), a short name for tables (区城管和综合执法局)
 * and a [enum@CaseReview.AgencyCategory].
 *
 * Agencies are immutable; a [class@CaseReview.Population] holds the agencies
 * its case files belong to.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-enum-types.h"

#include "casereview-agency.h"

struct _CaseReviewAgency
{
  GObject parent_instance;

  char *id;
  char *name;
  char *short_name;
  CaseReviewAgencyCategory category;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_CATEGORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CaseReviewAgency, case_review_agency, G_TYPE_OBJECT)

static const char * const category_names[] = {
  [CASE_REVIEW_AGENCY_CATEGORY_DISTRICT_DEPARTMENT] = "district_department",
  [CASE_REVIEW_AGENCY_CATEGORY_MUNICIPAL_BRANCH] = "municipal_branch",
  [CASE_REVIEW_AGENCY_CATEGORY_STREET_OFFICE] = "street_office",
  [CASE_REVIEW_AGENCY_CATEGORY_OTHER] = "other",
};

/* Chinese spellings accepted on input, in the order of the enum. */
static const char * const category_labels[] = {
  "区政府工作部门", "市直派驻机构", "街道办事处", "其他",
};

static void
case_review_agency_finalize (GObject *object)
{
  CaseReviewAgency *self = CASE_REVIEW_AGENCY (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->short_name);

  G_OBJECT_CLASS (case_review_agency_parent_class)->finalize (object);
}

static void
case_review_agency_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CaseReviewAgency *self = CASE_REVIEW_AGENCY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;
    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_agency_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CaseReviewAgency *self = CASE_REVIEW_AGENCY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_SHORT_NAME:
      self->short_name = g_value_dup_string (value);
      break;
    case PROP_CATEGORY:
      self->category = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_agency_constructed (GObject *object)
{
  CaseReviewAgency *self = CASE_REVIEW_AGENCY (object);

  G_OBJECT_CLASS (case_review_agency_parent_class)->constructed (object);

  /* Keep the getters total: every agency has an id, a name and a short name. */
  if (self->id == NULL)
    self->id = g_strdup ("");
  if (self->name == NULL)
    self->name = g_strdup (self->id);
  if (self->short_name == NULL || self->short_name[0] == '\0')
    {
      g_free (self->short_name);
      self->short_name = g_strdup (self->name);
    }
}

static void
case_review_agency_class_init (CaseReviewAgencyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = case_review_agency_finalize;
  object_class->get_property = case_review_agency_get_property;
  object_class->set_property = case_review_agency_set_property;
  object_class->constructed = case_review_agency_constructed;

  /**
   * CaseReviewAgency:id:
   *
   * The agency's identifier, unique within a population, e.g. `LH13`.
   *
   * Since: 0.1
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewAgency:name:
   *
   * The agency's full official name; defaults to the id.
   *
   * Since: 0.1
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewAgency:short-name:
   *
   * A short name for tables and notices; defaults to the full name.
   *
   * Since: 0.1
   */
  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewAgency:category:
   *
   * What kind of body the agency is.
   *
   * Since: 0.1
   */
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL,
                       CASE_REVIEW_TYPE_AGENCY_CATEGORY, CASE_REVIEW_AGENCY_CATEGORY_OTHER,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_agency_init (CaseReviewAgency *self)
{
  self->category = CASE_REVIEW_AGENCY_CATEGORY_OTHER;
}

/**
 * case_review_agency_new:
 * @id: the agency's identifier, unique within a population
 * @name: (nullable): the full official name, or %NULL for the id
 * @short_name: (nullable): a short name, or %NULL for the full name
 * @category: what kind of body the agency is
 *
 * Creates an agency.
 *
 * Returns: (transfer full): a new agency
 *
 * Since: 0.1
 */
CaseReviewAgency *
case_review_agency_new (const char               *id,
                        const char               *name,
                        const char               *short_name,
                        CaseReviewAgencyCategory  category)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CASE_REVIEW_TYPE_AGENCY,
                       "id", id,
                       "name", name,
                       "short-name", short_name,
                       "category", category,
                       NULL);
}

/**
 * case_review_agency_get_id:
 * @self: an agency
 *
 * The agency's identifier.
 *
 * Returns: the id
 *
 * Since: 0.1
 */
const char *
case_review_agency_get_id (CaseReviewAgency *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY (self), NULL);

  return self->id;
}

/**
 * case_review_agency_get_name:
 * @self: an agency
 *
 * The agency's full official name.
 *
 * Returns: the name
 *
 * Since: 0.1
 */
const char *
case_review_agency_get_name (CaseReviewAgency *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY (self), NULL);

  return self->name;
}

/**
 * case_review_agency_get_short_name:
 * @self: an agency
 *
 * The agency's short name for tables and notices.
 *
 * Returns: the short name
 *
 * Since: 0.1
 */
const char *
case_review_agency_get_short_name (CaseReviewAgency *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY (self), NULL);

  return self->short_name;
}

/**
 * case_review_agency_get_category:
 * @self: an agency
 *
 * What kind of body the agency is.
 *
 * Returns: the category
 *
 * Since: 0.1
 */
CaseReviewAgencyCategory
case_review_agency_get_category (CaseReviewAgency *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY (self), CASE_REVIEW_AGENCY_CATEGORY_OTHER);

  return self->category;
}

/**
 * case_review_agency_category_get_name:
 * @category: an agency category
 *
 * The machine name of @category as CSV and JSON files spell it, e.g.
 * "street_office".
 *
 * Returns: the name, a static string
 *
 * Since: 0.1
 */
const char *
case_review_agency_category_get_name (CaseReviewAgencyCategory category)
{
  g_return_val_if_fail ((guint) category < G_N_ELEMENTS (category_names), NULL);

  return category_names[category];
}

/**
 * case_review_agency_category_parse:
 * @text: a category as written in a file
 * @out_category: (out): where to store the category
 *
 * Recognises a category written as its machine name ("street_office", also
 * with hyphens or in any letter case) or in Chinese (街道办事处).
 *
 * Returns: %TRUE if @text names a category
 *
 * Since: 0.1
 */
gboolean
case_review_agency_category_parse (const char               *text,
                                   CaseReviewAgencyCategory *out_category)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_category != NULL, FALSE);

  normalized = g_strstrip (g_ascii_strdown (text, -1));
  g_strdelimit (normalized, "-", '_');
  for (guint i = 0; i < G_N_ELEMENTS (category_names); i++)
    {
      if (g_str_equal (normalized, category_names[i]) || g_str_equal (normalized, category_labels[i]))
        {
          *out_category = (CaseReviewAgencyCategory) i;
          return TRUE;
        }
    }

  return FALSE;
}
