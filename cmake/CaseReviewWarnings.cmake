# SPDX-License-Identifier: LGPL-2.1-or-later
#
# case_review_target_warnings(<target>): the warning set every target of the
# project builds with; fatal when CASE_REVIEW_WERROR is on (CI turns it on).

function(case_review_target_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra
    -Wshadow -Wpointer-arith -Wformat=2 -Wno-unused-parameter
    $<$<COMPILE_LANGUAGE:C>:-Wstrict-prototypes -Wmissing-prototypes -Wold-style-definition -Werror=implicit-function-declaration>
    $<$<BOOL:${CASE_REVIEW_WERROR}>:-Werror>)
endfunction()
