#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Installs the build into a temporary prefix and uses it from outside the
# tree: the C example compiled with pkg-config, a CMake project using
# find_package(LibCaseReview), and the Python and GJS examples against the
# installed typelib.
# Usage: install-test.sh BUILD-DIR SOURCE-DIR PYTHON GJS CC
set -eu
build=$1 source=$2 python=$3 gjs=$4 cc=$5
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build" --prefix "$prefix" > "$prefix.log" 2>&1 || { cat "$prefix.log"; exit 1; }
rm -f "$prefix.log"
libdir=$(cd "$prefix" && ls -d lib*/ | head -n 1)
libdir=$prefix/${libdir%/}

for f in "$libdir/libcasereview.so.0" "$libdir/pkgconfig/libcasereview-1.pc" \
         "$libdir/cmake/LibCaseReview/LibCaseReviewConfig.cmake" \
         "$libdir/girepository-1.0/CaseReview-1.0.typelib" "$prefix/share/gir-1.0/CaseReview-1.0.gir" \
         "$prefix/include/libcasereview-1/libcasereview/casereview.h" \
         "$prefix/include/libcasereview-1/libcasereview/casereview-version.h"; do
  [ -e "$f" ] || { echo "not installed: $f" >&2; exit 1; }
done

# Only the umbrella header may be included directly.
printf '#include <libcasereview/casereview-random.h>\nint main (void) { return 0; }\n' > "$prefix/direct.c"
if "$cc" -c -o "$prefix/direct.o" "$prefix/direct.c" -I"$prefix/include/libcasereview-1" \
     $(pkg-config --cflags glib-2.0) 2> /dev/null; then
  echo "a per-area header was includable directly" >&2; exit 1
fi

# C, with pkg-config, from the installed prefix only.
export PKG_CONFIG_PATH="$libdir/pkgconfig"
"$cc" -o "$prefix/random-demo" "$source/examples/c/random-demo.c" $(pkg-config --cflags --libs libcasereview-1)
LD_LIBRARY_PATH="$libdir" "$prefix/random-demo" > "$prefix/c.txt"
cat "$prefix/c.txt"

# The .pc is relocatable: moving the prefix keeps it valid.
mv "$prefix" "$prefix.moved"
prefix_moved=$prefix.moved
trap 'rm -rf "$prefix_moved"' EXIT
moved_includedir=$(PKG_CONFIG_PATH="$prefix_moved/${libdir#"$prefix"/}/pkgconfig" pkg-config --variable=includedir libcasereview-1)
[ -f "$moved_includedir/libcasereview-1/libcasereview/casereview.h" ] || {
  echo "the .pc is not relocatable: includedir=$moved_includedir" >&2; exit 1; }
mv "$prefix_moved" "$prefix"
trap 'rm -rf "$prefix"' EXIT

# CMake, with find_package.
cmake -S "$source/tests/cmake-consumer" -B "$prefix/consumer" -G Ninja \
  -DCMAKE_PREFIX_PATH="$prefix" -DCASE_REVIEW_EXAMPLE="$source/examples/c/random-demo.c" > "$prefix/consumer.log" 2>&1 \
  && cmake --build "$prefix/consumer" >> "$prefix/consumer.log" 2>&1 \
  || { cat "$prefix/consumer.log"; exit 1; }
LD_LIBRARY_PATH="$libdir" "$prefix/consumer/random-demo" | cmp - "$prefix/c.txt"

# Python and GJS against the installed typelib.
export GI_TYPELIB_PATH="$libdir/girepository-1.0" LD_LIBRARY_PATH="$libdir"
"$python" "$source/examples/python/random_demo.py" | cmp - "$prefix/c.txt"
"$gjs" -m "$source/examples/gjs/random-demo.js" | cmp - "$prefix/c.txt"
echo "installed library works from C (pkg-config and CMake), Python and GJS"
