/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewNoticeEvent:
 *
 * One step in a rectification notice's history: the state it left, the state
 * it entered, when, who did it and why. A notice keeps every event, so its
 * history is the audit trail of the case (who issued it, when it was served,
 * when the response came, who verified it). Events are immutable.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-enum-types.h"

#include "casereview-notice-private.h"

struct _CaseReviewNoticeEvent
{
  GObject parent_instance;

  CaseReviewNoticeState from, to;
  GDateTime *at;
  char *actor;
  char *note;
};

G_DEFINE_FINAL_TYPE (CaseReviewNoticeEvent, case_review_notice_event, G_TYPE_OBJECT)

static void
case_review_notice_event_finalize (GObject *object)
{
  CaseReviewNoticeEvent *self = CASE_REVIEW_NOTICE_EVENT (object);

  g_clear_pointer (&self->at, g_date_time_unref);
  g_free (self->actor);
  g_free (self->note);

  G_OBJECT_CLASS (case_review_notice_event_parent_class)->finalize (object);
}

static void
case_review_notice_event_class_init (CaseReviewNoticeEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_notice_event_finalize;
}

static void
case_review_notice_event_init (CaseReviewNoticeEvent *self)
{
}

CaseReviewNoticeEvent *
case_review_notice_event_new_internal (CaseReviewNoticeState from,
                                       CaseReviewNoticeState to,
                                       GDateTime            *at,
                                       const char           *actor,
                                       const char           *note)
{
  CaseReviewNoticeEvent *self = g_object_new (CASE_REVIEW_TYPE_NOTICE_EVENT, NULL);

  self->from = from;
  self->to = to;
  self->at = g_date_time_ref (at);
  self->actor = g_strdup (actor);
  self->note = g_strdup (note != NULL ? note : "");
  return self;
}

/**
 * case_review_notice_event_get_from_state:
 * @self: an event
 *
 * Gets the state the notice left.
 *
 * Returns: the state the notice left
 *
 * Since: 0.1
 */
CaseReviewNoticeState
case_review_notice_event_get_from_state (CaseReviewNoticeEvent *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_EVENT (self), CASE_REVIEW_NOTICE_STATE_DRAFT);
  return self->from;
}

/**
 * case_review_notice_event_get_to_state:
 * @self: an event
 *
 * Gets the state the notice entered.
 *
 * Returns: the state the notice entered
 *
 * Since: 0.1
 */
CaseReviewNoticeState
case_review_notice_event_get_to_state (CaseReviewNoticeEvent *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_EVENT (self), CASE_REVIEW_NOTICE_STATE_DRAFT);
  return self->to;
}

/**
 * case_review_notice_event_get_time:
 * @self: an event
 *
 * Gets when it happened, with the time zone it was recorded in.
 *
 * Returns: (transfer none): when it happened, with the time zone it was
 *   recorded in
 *
 * Since: 0.1
 */
GDateTime *
case_review_notice_event_get_time (CaseReviewNoticeEvent *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_EVENT (self), NULL);
  return self->at;
}

/**
 * case_review_notice_event_get_actor:
 * @self: an event
 *
 * Gets who did it (a name or a user id).
 *
 * Returns: who did it (a name or a user id)
 *
 * Since: 0.1
 */
const char *
case_review_notice_event_get_actor (CaseReviewNoticeEvent *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_EVENT (self), NULL);
  return self->actor;
}

/**
 * case_review_notice_event_get_note:
 * @self: an event
 *
 * Gets why, or what was done; may be empty.
 *
 * Returns: why, or what was done; may be empty
 *
 * Since: 0.1
 */
const char *
case_review_notice_event_get_note (CaseReviewNoticeEvent *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_EVENT (self), NULL);
  return self->note;
}

typedef struct
{
  const char *name;
  const char *label;
  guint successors;        /* bit per CaseReviewNoticeState */
} StateInfo;

#define TO(state) (1u << CASE_REVIEW_NOTICE_STATE_##state)

/* The lifecycle, as the table in CaseReviewNoticeState's documentation. */
static const StateInfo state_info[] = {
  [CASE_REVIEW_NOTICE_STATE_DRAFT] = { "draft", "草稿", TO (ISSUED) },
  [CASE_REVIEW_NOTICE_STATE_ISSUED] = { "issued", "已印发", TO (SERVED) },
  [CASE_REVIEW_NOTICE_STATE_SERVED] = { "served", "已送达", TO (OBJECTED) | TO (REMINDED) | TO (RESPONSE_RECEIVED) },
  [CASE_REVIEW_NOTICE_STATE_OBJECTED] = { "objected", "异议审查中", TO (UPHELD) | TO (MODIFIED) | TO (REVOKED) },
  [CASE_REVIEW_NOTICE_STATE_UPHELD] = { "upheld", "维持", TO (REMINDED) | TO (RESPONSE_RECEIVED) },
  [CASE_REVIEW_NOTICE_STATE_MODIFIED] = { "modified", "变更", TO (REMINDED) | TO (RESPONSE_RECEIVED) },
  [CASE_REVIEW_NOTICE_STATE_REVOKED] = { "revoked", "撤销", 0 },
  [CASE_REVIEW_NOTICE_STATE_REMINDED] = { "reminded", "已催告", TO (ESCALATED) | TO (RESPONSE_RECEIVED) },
  [CASE_REVIEW_NOTICE_STATE_ESCALATED] = { "escalated", "已通报约谈", TO (RESPONSE_RECEIVED) },
  [CASE_REVIEW_NOTICE_STATE_RESPONSE_RECEIVED] = { "response-received", "已收到整改报告",
                                                   TO (VERIFIED) | TO (RESPONSE_REJECTED) },
  [CASE_REVIEW_NOTICE_STATE_RESPONSE_REJECTED] = { "response-rejected", "整改不到位", TO (ISSUED) },
  [CASE_REVIEW_NOTICE_STATE_VERIFIED] = { "verified", "已核查", TO (CLOSED) },
  [CASE_REVIEW_NOTICE_STATE_CLOSED] = { "closed", "已结案", 0 },
};

static gboolean
state_is_valid (CaseReviewNoticeState state)
{
  return (guint) state < G_N_ELEMENTS (state_info);
}

/**
 * case_review_notice_state_get_name:
 * @state: a state
 *
 * Gets the state's nick (`draft`, `response-received`, …), or %NULL for a
 * value outside the enumeration.
 *
 * Returns: (nullable): the state's nick (`draft`, `response-received`, …),
 *   or %NULL for a value outside the enumeration
 *
 * Since: 0.1
 */
const char *
case_review_notice_state_get_name (CaseReviewNoticeState state)
{
  return state_is_valid (state) ? state_info[state].name : NULL;
}

/**
 * case_review_notice_state_get_label:
 * @state: a state
 *
 * Gets the state's Chinese label (草稿, 已送达, …).
 *
 * Returns: (nullable): the state's Chinese label (草稿, 已送达, …)
 *
 * Since: 0.1
 */
const char *
case_review_notice_state_get_label (CaseReviewNoticeState state)
{
  return state_is_valid (state) ? state_info[state].label : NULL;
}

/**
 * case_review_notice_state_from_name:
 * @name: a state's nick, e.g. `response-received`; `_` is accepted for `-`
 * @state: (out): return location for the state
 *
 * Whether @name names a state.
 *
 * Returns: %TRUE if @name names a state
 *
 * Since: 0.1
 */
gboolean
case_review_notice_state_from_name (const char            *name,
                                    CaseReviewNoticeState *state)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (state != NULL, FALSE);
  if (name == NULL)
    return FALSE;

  canonical = g_strdelimit (g_strdup (name), "_", '-');
  for (guint i = 0; i < G_N_ELEMENTS (state_info); i++)
    if (g_ascii_strcasecmp (canonical, state_info[i].name) == 0)
      {
        *state = (CaseReviewNoticeState) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * case_review_notice_state_can_transition:
 * @from: a state
 * @to: another state
 *
 * Whether the lifecycle allows going from @from to @to (see
 * [enum@CaseReview.NoticeState]). Reminding also needs the notice to be
 * overdue, which this does not check.
 *
 * Returns: %TRUE if the transition is allowed
 *
 * Since: 0.1
 */
gboolean
case_review_notice_state_can_transition (CaseReviewNoticeState from,
                                         CaseReviewNoticeState to)
{
  return state_is_valid (from) && state_is_valid (to) && (state_info[from].successors & (1u << to)) != 0;
}
