//! Criterion benches: loading content, building plans, and drawing one frame.
//!
//! `cargo bench --bench content` (add `-- --quick` for a fast pass). Figures and how they were made:
//! BENCHMARKS.md. The start-up budget (first frame ≤ 1.3 × a minimal ratatui app, here about 1 ms
//! of slack) has to cover everything `cramp` does before its first frame; these benches show what
//! the content, the plan, the first draw and the time-zone lookup take of it.

// A benchmark whose setup fails (a fixture missing) is a defect to stop on, not to recover from.
#![allow(clippy::panic)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use cramp_coach::app::{App, Msg};
use cramp_coach::config::{self, Config};
use cramp_coach::content::{BUILTIN_NAME, BUILTIN_TOML, Content};
use cramp_coach::insights;
use cramp_coach::journal::{Episode, Journal, merge};
use cramp_coach::runner::Plan;
use cramp_coach::ui;
use cramp_coach::ui::theme::Theme;

/// Lead-in used for plans, as in the default config.
const LEAD_IN: u32 = 3;

/// The largest content the loader accepts: 99 routines of 60 steps (the limits), with sides, repeats
/// and rests, kept under the 1 MiB file limit so it could be loaded from disk as it is.
fn synthetic_toml() -> String {
    let mut s = String::with_capacity(1 << 20);
    s.push_str("[[habit]]\nid = \"stretch\"\ntitle = \"Stretch before bed\"\n\n");
    for r in 0..99 {
        let kind = if r % 3 == 0 { "bedtime" } else { "relief" };
        let _ = write!(
            s,
            "[[routine]]\nid = \"routine-{r:02}\"\ntitle = \"Routine {r}\"\nkind = \"{kind}\"\n\
             summary = \"A long synthetic routine for benchmarks.\"\ncompletes_habit = \"stretch\"\n"
        );
        for st in 0..60 {
            let _ = write!(
                s,
                "[[routine.step]]\ntitle = \"Step {st} of {r}\"\ntext = \"Hold the stretch, breathe slowly.\"\n"
            );
            if st % 10 == 0 {
                continue; // untimed: waits for Enter
            }
            let _ = writeln!(s, "seconds = {}", 10 + st % 30);
            if st % 2 == 0 {
                s.push_str("sides = [\"left\", \"right\"]\n");
            }
            if st % 3 == 0 {
                let _ = write!(s, "repeat = {}\nrest_seconds = 5\n", 2 + st % 4);
            }
        }
    }
    s
}

fn parse(source: &str) -> Content {
    match Content::parse(Path::new("synthetic.toml"), source) {
        Ok(c) => c,
        Err(e) => panic!("synthetic content is invalid: {e}"),
    }
}

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("builtin load");
    g.throughput(Throughput::Bytes(BUILTIN_TOML.len() as u64));
    g.bench_function("Content::builtin", |b| {
        b.iter(|| black_box(Content::builtin()))
    });
    g.bench_function("Content::parse(BUILTIN_TOML)", |b| {
        b.iter(|| {
            black_box(Content::parse(
                Path::new(BUILTIN_NAME),
                black_box(BUILTIN_TOML),
            ))
        })
    });
    g.throughput(Throughput::Bytes(config::DEFAULT_TOML.len() as u64));
    g.bench_function("Config::builtin", |b| {
        b.iter(|| black_box(Config::builtin()))
    });
    g.finish();

    let content = Content::builtin();
    let mut g = c.benchmark_group("builtin plan");
    for routine in &content.routines {
        g.throughput(Throughput::Elements(
            Plan::build(routine, LEAD_IN).segments.len() as u64,
        ));
        g.bench_with_input(
            BenchmarkId::new("Plan::build", &routine.id),
            routine,
            |b, r| b.iter(|| black_box(Plan::build(black_box(r), LEAD_IN))),
        );
    }
    let segments: usize = content
        .routines
        .iter()
        .map(|r| Plan::build(r, LEAD_IN).segments.len())
        .sum();
    g.throughput(Throughput::Elements(segments as u64));
    g.bench_function("Plan::build all routines", |b| {
        b.iter(|| {
            for r in &content.routines {
                black_box(Plan::build(black_box(r), LEAD_IN));
            }
        })
    });
    g.finish();
}

fn synthetic(c: &mut Criterion) {
    let source = synthetic_toml();
    assert!(
        source.len() as u64 <= 1024 * 1024,
        "synthetic content is {} bytes, over the file limit",
        source.len()
    );
    let content = parse(&source);
    assert_eq!(content.routines.len(), 99);
    assert!(content.routines.iter().all(|r| r.steps.len() == 60));
    let segments: usize = content
        .routines
        .iter()
        .map(|r| Plan::build(r, LEAD_IN).segments.len())
        .sum();
    assert!(segments > 99 * 60);

    let mut g = c.benchmark_group("synthetic 99x60");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(source.len() as u64));
    g.bench_function("Content::parse", |b| {
        b.iter(|| black_box(parse(black_box(&source))))
    });
    g.throughput(Throughput::Elements(segments as u64));
    g.bench_function("Plan::build all routines", |b| {
        b.iter(|| {
            for r in &content.routines {
                black_box(Plan::build(black_box(r), LEAD_IN));
            }
        })
    });
    g.finish();
}

/// The app as `cramp` starts it: built-in content and config, on a fixed night. The journal is still
/// loading, as it is when the first frame is drawn.
fn app() -> App {
    App::new(
        Content::builtin(),
        Config::builtin(),
        Vec::new(),
        jiff::civil::date(2026, 11, 28),
    )
}

/// One full frame into ratatui's `TestBackend` at the size tuiperf uses (100x30). The terminal is
/// cleared each time so every iteration draws and diffs the whole screen, like the first frame.
fn render(c: &mut Criterion) {
    let theme = Theme::new(Config::builtin().theme, false);
    let now = Instant::now();
    let home = app();
    let mut calf = app();
    let mut bedtime = app();
    calf.update(Msg::Start("calf".to_string()), now);
    bedtime.update(Msg::Start("bedtime".to_string()), now);
    let mut terminal = match Terminal::new(TestBackend::new(100, 30)) {
        Ok(t) => t,
        Err(e) => panic!("test terminal: {e}"),
    };

    let mut g = c.benchmark_group("draw 100x30");
    for (name, app) in [
        ("home (journal loading)", &home),
        ("runner calf", &calf),
        ("runner bedtime", &bedtime),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let _ = terminal.clear();
                let _ = terminal.draw(|frame| ui::draw(frame, black_box(app), &theme, now));
            })
        });
    }
    // One tick of a running countdown: the same screen a second later, diffed against the last.
    let mut second = 0u64;
    g.bench_function("runner bedtime, next second", |b| {
        b.iter(|| {
            second = (second + 1) % 3; // the 3 s lead-in: 3, 2, 1
            let at = now + std::time::Duration::from_secs(second);
            let _ = terminal.draw(|frame| ui::draw(frame, &bedtime, &theme, at));
        })
    });
    g.finish();
}

/// What else `cramp` does before its first frame (BENCHMARKS.md, start-up diagnosis): the system time
/// zone, found through jiff's zoneinfo database, which lists every file under /usr/share/zoneinfo
/// when it is first used. A fresh database each iteration, so every iteration pays the walk.
fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    let zoneinfo = Path::new("/usr/share/zoneinfo");
    if zoneinfo.is_dir() {
        g.bench_function(
            "jiff TimeZoneDatabase::from_dir(/usr/share/zoneinfo)",
            |b| b.iter(|| black_box(jiff::tz::TimeZoneDatabase::from_dir(black_box(zoneinfo)))),
        );
    }
    g.bench_function("App::new(builtin content and config)", |b| {
        b.iter(|| black_box(app()))
    });
    g.finish();
}

/// Ten years of nights with 20 habits, about 70% kept, as the app writes them.
fn ten_years() -> Journal {
    let mut j = Journal::default();
    let mut night = jiff::civil::date(2016, 11, 29);
    let mut seed = 20_261_128u64;
    for _ in 0..3650 {
        for h in 1..=20 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            if (seed >> 33) % 10 < 7 {
                j.set(night, &format!("h{h:02}"), 1 + (seed >> 40) as u32 % 3);
            }
        }
        night = night.tomorrow().unwrap_or(night);
    }
    j
}

/// [`ten_years`] with a cramp on about one night in five (730 entries), as the app writes them.
fn ten_years_with_diary(salt: u64) -> Journal {
    let mut j = ten_years();
    let mut night = jiff::civil::date(2016, 11, 29);
    for n in 0..3650u64 {
        if (n * 7 + salt).is_multiple_of(5) {
            let at = night
                .tomorrow()
                .unwrap_or(night)
                .to_datetime(jiff::civil::time(3, (n % 60) as i8, 0, 0))
                .to_zoned(jiff::tz::TimeZone::UTC)
                .map(|z| z.timestamp())
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
            let mut e = Episode::begun(at, &jiff::tz::TimeZone::UTC);
            e.muscle = Some(cramp_coach::content::Muscle::Calf);
            e.side = Some(cramp_coach::journal::LegSide::Left);
            e.intensity = Some(3);
            e.seconds = Some(120);
            e.symptoms = Some(false);
            e.routine = Some("calf".to_string());
            e.steps = vec![1, 2];
            j.add_episode(e, n * 31 + salt);
        }
        night = night.tomorrow().unwrap_or(night);
    }
    j
}

/// Two copies of ten years that went their own ways for a month: each ticked, unticked, skipped,
/// noted and logged on its own.
fn diverged() -> (Journal, Journal) {
    let base = ten_years_with_diary(0);
    let (mut a, mut b) = (base.clone(), base);
    let mut night = jiff::civil::date(2026, 10, 29);
    for k in 0..30u32 {
        a.set(night, "h01", k % 2);
        b.set(night, "h02", 1 + k % 4);
        if k % 7 == 0 {
            a.set_skip(night, Some("away".to_string()));
            b.set_note(night, Some("long walk".to_string()));
        }
        night = night.tomorrow().unwrap_or(night);
    }
    let ids: Vec<String> = a.episodes().iter().take(20).map(|e| e.id.clone()).collect();
    for id in ids {
        a.remove_episode(&id);
    }
    (a, b)
}

/// Reading and writing the journal: what `cramp habits` and every tick pay.
fn journal(c: &mut Criterion) {
    let with_diary = ten_years_with_diary(0).to_text();
    let (a, b) = diverged();
    let mut g = c.benchmark_group("journal 10 years x 20 habits + 730 cramps");
    g.throughput(Throughput::Bytes(with_diary.len() as u64));
    g.bench_function("Journal::parse", |bch| {
        bch.iter(|| black_box(Journal::parse(Path::new("j"), black_box(&with_diary))))
    });
    g.bench_function(
        "merge two diverged copies (parse both, merge, to_text)",
        |bch| {
            let (ta, tb) = (a.to_text(), b.to_text());
            bch.iter(|| {
                let ja = Journal::parse(Path::new("a"), black_box(&ta)).ok();
                let jb = Journal::parse(Path::new("b"), black_box(&tb)).ok();
                if let (Some(ja), Some(jb)) = (ja, jb) {
                    black_box(merge::merge(&ja, &jb).to_text());
                }
            })
        },
    );
    g.finish();

    let text = ten_years().to_text();
    let path = Path::new("journal.txt");
    let mut g = c.benchmark_group("journal 10 years x 20 habits");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("Journal::parse", |b| {
        b.iter(|| black_box(Journal::parse(path, black_box(&text))))
    });
    let journal = match Journal::parse(path, &text) {
        Ok(j) => j,
        Err(e) => panic!("{e}"),
    };
    g.bench_function("Journal::to_text", |b| {
        b.iter(|| black_box(journal.to_text()))
    });
    let content = Content::builtin();
    g.bench_function("insights::compute", |b| {
        b.iter(|| {
            black_box(insights::compute(
                &content,
                &journal,
                jiff::civil::date(2026, 11, 28),
            ))
        })
    });
    g.finish();
}

criterion_group!(benches, load, synthetic, render, startup, journal);
criterion_main!(benches);
