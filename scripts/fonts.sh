#!/usr/bin/env bash
# Makes the share image's fonts (src/outputs/card/fonts/) from Debian's fonts-noto-core: Noto
# Sans for the Latin-script languages and Noto Naskh Arabic, each cut down to the characters
# the widget's languages write (fontTools' pyftsubset), hinting dropped (resvg does not hint),
# every layout feature kept (Arabic's joining forms and marks). The files are committed; run
# this only to change what they cover. Needs: apt-get install fonts-noto-core; pip install fonttools.
set -euo pipefail
cd "$(dirname "$0")/.."
from=/usr/share/fonts/truetype/noto
to=src/outputs/card/fonts
latin="U+0020-007E,U+00A0-017F,U+0192,U+02C6,U+02DC,U+2010-2027,U+2030-203A,U+2044,U+20AC,U+2122,U+2212"
arabic="U+0020-0040,U+00A0,U+00AB,U+00BB,U+060C-06FF,U+0750-077F,U+08A0-08FF,U+200C-200F,U+2010-2027,U+202A-202E,U+2066-2069,U+FB50-FDFF,U+FE70-FEFF"
subset() {
  pyftsubset "$from/$1.ttf" --unicodes="$2" --layout-features='*' --no-hinting \
    --name-IDs=0,1,2,3,4,5,6,13,14 --output-file="$to/$1.ttf"
}
for weight in Regular Bold; do
  subset "NotoSans-$weight" "$latin"
  subset "NotoNaskhArabic-$weight" "$arabic"
done
ls -l "$to"
