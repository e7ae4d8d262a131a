#!/usr/bin/env bash
# Makes the tiny tagged audio files under tests/data/media: half a second of tone, mono, 8 kHz,
# in every format the player reads, each tagged the way real podcast files are (title, show,
# artist, date, cover art, chapters). The results are committed; run this again only to change
# them. Needs: sox lame flac vorbis-tools opus-tools ffmpeg (Debian packages), and mutagen.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=tests/data/media
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=python3
for tool in sox lame flac oggenc opusenc ffmpeg; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install sox lame flac vorbis-tools opus-tools ffmpeg"; exit 1; }
done
mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

sox -n -r 8000 -c 1 -b 16 "$TMP/tone.wav" synth 0.5 sine 440 vol 0.3
cp "$TMP/tone.wav" "$OUT/tone.wav"
lame --quiet -m m -b 8 --resample 8 "$TMP/tone.wav" "$OUT/tone.mp3"
flac --silent --force -8 -o "$OUT/tone.flac" "$TMP/tone.wav"
oggenc --quiet -q -1 -o "$OUT/tone.ogg" "$TMP/tone.wav"
opusenc --quiet --bitrate 6 "$TMP/tone.wav" "$OUT/tone.opus"

# M4A: ffmpeg writes the chapters (as a Nero 'chpl' atom that mutagen reads) and the tags.
cat > "$TMP/meta.txt" <<'META'
;FFMETADATA1
title=Ghosts, not animals
album=Dwarkesh Podcast
artist=Dwarkesh Patel
date=2025-10-17
[CHAPTER]
TIMEBASE=1/1000
START=0
END=200
title=Cold open
[CHAPTER]
TIMEBASE=1/1000
START=200
END=500
title=Agents
META
ffmpeg -loglevel error -y -i "$TMP/tone.wav" -i "$TMP/meta.txt" -map 0:a -map_metadata 1 \
  -map_chapters 1 -c:a aac -b:a 8k -movflags +faststart "$OUT/tone.m4a"

# The same WAV with RIFF INFO tags instead of ID3, as many recorders write them.
ffmpeg -loglevel error -y -i "$TMP/tone.wav" -c:a copy -fflags +bitexact \
  -metadata title="Ghosts, not animals" -metadata album="Dwarkesh Podcast" \
  -metadata artist="Dwarkesh Patel" -metadata date="2025" "$OUT/tone-info.wav"

"$PY" scripts/tag_test_media.py "$OUT"
ls -l "$OUT"
