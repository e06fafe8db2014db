# SPDX-License-Identifier: LGPL-2.1-or-later
#
# bench/sampling: R's side of the sampling benchmark, run by
# bench/sampling-bench.py. Prints one JSON line.
#
#   Rscript bench/sampling-bench.R MODE READER CASES.csv SAMPLE_SIZE MIN RESERVES SEED REPEAT
#
# MODE end-to-end: read the CSV, allocate, draw with sampling::strata
#   (method "srswor"), each phase timed; run once per fresh process.
# MODE draw: read the CSV once, then time the allocation and
#   sampling::strata on the loaded data.frame REPEAT times.
# READER: fread (data.table::fread, Debian r-cran-data.table) or read.csv.
#
# The allocation is the library's (docs/sampling-spec.md, section 5):
# proportional to the agencies' sizes, at least MIN per agency, largest
# remainders, ties to the larger stratum then the smaller key; computed in
# doubles, which are exact here (n · N stays far below 2^53). strata() draws
# allocation + RESERVES units per agency (all of a stratum that has no more
# than its allocation): it has no notion of reserves and returns its units in
# frame order, so the reserves are not told apart; the work is the same.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 8) {
  stop("usage: sampling-bench.R MODE READER CASES.csv SAMPLE_SIZE MIN RESERVES SEED REPEAT")
}
mode <- args[[1]]
reader <- args[[2]]
path <- args[[3]]
sample_size <- as.numeric(args[[4]])
min_per_stratum <- as.numeric(args[[5]])
reserves <- as.numeric(args[[6]])
seed <- as.integer(args[[7]])
repeat_count <- as.integer(args[[8]])

suppressPackageStartupMessages(library(sampling))
if (reader == "fread") suppressPackageStartupMessages(library(data.table))

peak_rss_kib <- function() {
  line <- grep("^VmHWM:", readLines("/proc/self/status"), value = TRUE)
  as.numeric(strsplit(trimws(sub("VmHWM:", "", line)), " +")[[1]][[1]])
}

seconds <- function(start) {
  t <- proc.time() - start
  c(wall = t[["elapsed"]], cpu = t[["user.self"]] + t[["sys.self"]])
}

read_frame <- function() {
  if (reader == "fread") {
    data.table::fread(path, encoding = "UTF-8", data.table = FALSE, showProgress = FALSE)
  } else if (reader == "read.csv") {
    utils::read.csv(path, encoding = "UTF-8", stringsAsFactors = FALSE)
  } else {
    stop("unknown reader ", reader)
  }
}

# Largest-remainder apportionment of n over the strata, sizes named by key
# and sorted by key in byte order, within [min(MIN, N), N].
apportion <- function(sizes, n, low_bound) {
  keys <- names(sizes)
  low <- pmin(low_bound, sizes)
  high <- sizes
  weight <- sizes
  result <- numeric(length(sizes))
  fixed <- logical(length(sizes))
  repeat {
    R <- n - sum(result[fixed])
    W <- sum(weight[!fixed])
    if (W == 0) {
      result[!fixed] <- low[!fixed]
      break
    }
    below <- !fixed & R * weight < low * W
    if (any(below)) {
      result[below] <- low[below]
      fixed <- fixed | below
      next
    }
    above <- !fixed & R * weight > high * W
    if (any(above)) {
      result[above] <- high[above]
      fixed <- fixed | above
      next
    }
    free <- which(!fixed)
    scaled <- R * weight[free]
    result[free] <- floor(scaled / W)
    remainder <- scaled - result[free] * W
    missing <- R - sum(result[free])
    if (missing > 0) {
      # Larger remainder, then larger stratum, then smaller key (keys are
      # sorted, so position breaks the last tie).
      order_free <- order(-remainder, -sizes[free], seq_along(free), method = "radix")
      seats <- free[order_free[seq_len(missing)]]
      result[seats] <- result[seats] + 1
    }
    break
  }
  names(result) <- keys
  result
}

draw <- function(frame) {
  start <- proc.time()
  counts <- table(frame$agency)
  sizes <- as.numeric(counts)
  names(sizes) <- names(counts)
  sizes <- sizes[sort(names(sizes), method = "radix")]
  allocation <- apportion(sizes, sample_size, min_per_stratum)
  wanted <- ifelse(allocation >= sizes, sizes, pmin(allocation + reserves, sizes))
  allocate_time <- seconds(start)
  # strata() takes the sizes in the order the strata first appear.
  order_in_frame <- unique(frame$agency)
  set.seed(seed)
  chosen <- sampling::strata(frame, stratanames = "agency", size = as.numeric(wanted[order_in_frame]),
                             method = "srswor")
  list(allocation = allocation, wanted = wanted, chosen = chosen, allocate_time = allocate_time,
       time = seconds(start))
}

json_number <- function(x) formatC(x, digits = 6, format = "f")

allocation_json <- function(allocation) {
  paste0("{", paste0("\"", names(allocation), "\": ", as.integer(allocation), collapse = ", "), "}")
}

baseline <- peak_rss_kib()
start <- proc.time()
frame <- read_frame()
read_time <- seconds(start)

if (mode == "end-to-end") {
  result <- draw(frame)
  total <- seconds(start)
  n_primary <- sum(pmin(result$allocation, result$wanted))
  cat(sprintf(paste0("{\"tool\": \"R %s sampling %s %s\", \"rows\": %d, \"load_seconds\": %s, ",
                     "\"allocate_seconds\": %s, \"draw_seconds\": %s, \"total_seconds\": %s, ",
                     "\"total_cpu_seconds\": %s, \"peak_rss_kib_before_load\": %.0f, \"peak_rss_kib\": %.0f, ",
                     "\"n_drawn\": %d, \"n_primary\": %d, \"allocation\": %s}\n"),
              paste(R.version$major, R.version$minor, sep = "."), as.character(packageVersion("sampling")),
              reader, nrow(frame), json_number(read_time[["wall"]]),
              json_number(result$allocate_time[["wall"]]),
              json_number(result$time[["wall"]] - result$allocate_time[["wall"]]),
              json_number(total[["wall"]]), json_number(total[["cpu"]]), baseline, peak_rss_kib(),
              nrow(result$chosen), as.integer(n_primary), allocation_json(result$allocation)))
} else if (mode == "draw") {
  walls <- numeric(repeat_count)
  cpus <- numeric(repeat_count)
  for (i in seq_len(repeat_count)) {
    result <- draw(frame)
    walls[[i]] <- result$time[["wall"]]
    cpus[[i]] <- result$time[["cpu"]]
  }
  cat(sprintf(paste0("{\"tool\": \"R %s sampling %s %s\", \"rows\": %d, \"load_seconds\": %s, \"repeat\": %d, ",
                     "\"draw_best\": %s, \"draw_median\": %s, \"draw_best_cpu\": %s, \"n_drawn\": %d, ",
                     "\"peak_rss_kib\": %.0f, \"allocation\": %s}\n"),
              paste(R.version$major, R.version$minor, sep = "."), as.character(packageVersion("sampling")),
              reader, nrow(frame), json_number(read_time[["wall"]]), repeat_count,
              json_number(min(walls)), json_number(stats::median(walls)), json_number(min(cpus)),
              nrow(result$chosen), peak_rss_kib(), allocation_json(result$allocation)))
} else {
  stop("unknown mode ", mode)
}
