#!/usr/bin/env bash
# Generates the demo/e2e media into demo/public/media (the outputs are committed; re-run only to change them).
# Needs Debian's ffmpeg (5.1, libvpx-vp9 + libopus) and fonts-dejavu (pulled in by chromium).
#   bash demo/media/generate.sh
#
# Content, e.g. content.webm (30 s):
#   ffmpeg -f lavfi -i testsrc2=size=320x180:rate=24:duration=30 -f lavfi -i sine=frequency=440:duration=30 \
#     -vf "drawtext=...:text='CONTENT %{pts\:hms}'" -c:v libvpx-vp9 -b:v 55k -maxrate 65k -bufsize 65k \
#     -deadline realtime -cpu-used 8 -g 48 -c:a libopus -b:a 16k -cues_to_front 1 content.webm
# Why these settings:
# - ~75 kbit/s video + ~18 kbit/s audio (measured) keeps the byte rate near constant, ~12 KB/s, so a byte
#   offset in the stall middleware (demo/slow-media.ts) maps predictably to a playback second
#   (content.webm: 364 KB / 30 s; byte 100000 is about 7.8 s in).
# - -g 48: a keyframe every 2 s, so seeks in tests land quickly.
# - -cues_to_front: the WebM index sits before the clusters, so browsers need no extra Range request
#   for the file's tail before playing (that request would dodge the stall middleware).
# - -fflags +bitexact: no random track UIDs, so re-running with the same ffmpeg gives identical files.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$HERE/../public/media"
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
mkdir -p "$OUT"

# content <file> <seconds>: moving test pattern with a burned-in "CONTENT hh:mm:ss.mmm" timecode.
content() {
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=size=320x180:rate=24:duration=$2" \
    -f lavfi -i "sine=frequency=440:duration=$2:sample_rate=48000" \
    -vf "drawtext=fontfile=$FONT:text='CONTENT %{pts\:hms}':x=10:y=h-th-10:fontsize=20:fontcolor=white:box=1:boxcolor=black@0.7" \
    -c:v libvpx-vp9 -b:v 55k -maxrate 65k -bufsize 65k -deadline realtime -cpu-used 8 -g 48 \
    -c:a libopus -b:a 16k -shortest -cues_to_front 1 -fflags +bitexact "$OUT/$1"
}

# ad <file> <colour>: 5 s solid colour, a big "AD" and its hh:mm:ss timer (static, so it compresses well).
ad() {
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "color=c=$2:size=320x180:rate=24:duration=5" \
    -f lavfi -i "sine=frequency=880:duration=5:sample_rate=48000" \
    -vf "drawtext=fontfile=$FONT:text='AD':x=(w-tw)/2:y=30:fontsize=72:fontcolor=yellow,drawtext=fontfile=$FONT:text='%{pts\:hms}':x=(w-tw)/2:y=120:fontsize=28:fontcolor=white" \
    -c:v libvpx-vp9 -b:v 60k -deadline realtime -cpu-used 8 -g 48 \
    -c:a libopus -b:a 16k -shortest -cues_to_front 1 -fflags +bitexact "$OUT/$1"
}

content content.webm 30
content short.webm 6
ad ad1.webm darkred
ad ad2.webm darkblue

# Chapters for the 30 s content (WebVTT `chapters` kind; the cue text is the chapter's friendlyName).
cat >"$OUT/chapters.vtt" <<'VTT'
WEBVTT

1
00:00:00.000 --> 00:00:10.000
Opening

2
00:00:10.000 --> 00:00:20.000
Middle

3
00:00:20.000 --> 00:00:30.000
Ending
VTT

for f in content.webm short.webm ad1.webm ad2.webm; do
  d=$(ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$OUT/$f")
  printf '%-14s %8d bytes  %s s\n' "$f" "$(stat -c %s "$OUT/$f")" "$d"
done

# The live stream's segments (demo/live-stream.ts serves them as a sliding playlist): 20 s in ten 2 s
# MPEG-TS segments, H.264 baseline without audio (~19 KB each), a burned-in "LIVE hh:mm:ss" timecode.
# Stored as .m2ts: a .ts file in the repository would be read as TypeScript.
LIVE_TMP="$(mktemp -d)"
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=320x180:rate=24:duration=20" \
  -vf "drawtext=fontfile=$FONT:text='LIVE %{pts\:hms}':x=10:y=h-th-10:fontsize=20:fontcolor=white:box=1:boxcolor=black@0.7" \
  -c:v libx264 -profile:v baseline -preset veryfast -b:v 40k -maxrate 50k -bufsize 50k \
  -g 48 -keyint_min 48 -sc_threshold 0 -an -fflags +bitexact \
  -f hls -hls_time 2 -hls_list_size 0 -hls_segment_filename "$LIVE_TMP/live%02d.ts" "$LIVE_TMP/index.m3u8"
mkdir -p "$OUT/live"
for f in "$LIVE_TMP"/live*.ts; do cp "$f" "$OUT/live/$(basename "${f%.ts}").m2ts"; done
rm -rf "$LIVE_TMP"

# A two-rendition HLS video on demand (12 s, six 2 s MPEG-TS segments each, H.264 constrained baseline,
# no audio) for bitrate switches through VHS: vod/master.m3u8 declares each rendition's BANDWIDTH, which is
# what video.js's quality levels report and the plugin sends as media.qoe.bitrate. The declared values are
# above each rendition's measured peak (~40 and ~90 kbit/s with the TS overhead), as a packager declares them.
mkdir -p "$OUT/vod"
rendition() { # rendition <name> <size> <bitrate> <maxrate> <fontsize>
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=size=$2:rate=24:duration=12" \
    -vf "drawtext=fontfile=$FONT:text='${1^^} %{pts\:hms}':x=4:y=h-th-4:fontsize=$5:fontcolor=white:box=1:boxcolor=black@0.7" \
    -c:v libx264 -profile:v baseline -level 3.0 -preset veryfast -b:v "$3" -maxrate "$4" -bufsize "$4" \
    -g 48 -keyint_min 48 -sc_threshold 0 -an -fflags +bitexact \
    -f hls -hls_time 2 -hls_list_size 0 -hls_playlist_type vod \
    -hls_segment_filename "$OUT/vod/$1%02d.m2ts" "$OUT/vod/$1.m3u8"
}
rendition low 160x90 15k 20k 10
rendition high 320x180 60k 80k 20
cat >"$OUT/vod/master.m3u8" <<'M3U8'
#EXTM3U
#EXT-X-VERSION:3
#EXT-X-STREAM-INF:BANDWIDTH=48000,RESOLUTION=160x90,CODECS="avc1.42c01e"
low.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=120000,RESOLUTION=320x180,CODECS="avc1.42c01e"
high.m3u8
M3U8
