//! The client register on a million generated clients (`tests/bench/register_clients.py` writes
//! them to target/bench/clients.jsonl; `make bench` runs it first): the build from decoded rows,
//! the memory it holds per client, and 3-character searches — the first page of 50 and the
//! count — with criterion. Prints the build time and bytes per client first.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]
// benchmark setup
// The counting allocator that weighs the register is the one unsafe thing here: a benchmark,
// never the library.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::io::BufRead;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use hospes::register::{Register, RegisterEntry, RegisterQuery};

/// Counts the bytes alive, to weigh the register.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

fn grew(by: isize) {
    let live = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn entries() -> Vec<RegisterEntry> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/bench/clients.jsonl");
    let file = std::fs::File::open(path)
        .expect("run `python3 tests/bench/register_clients.py` first (make bench does)");
    std::io::BufReader::new(file)
        .lines()
        .map(|line| serde_json::from_str(&line.unwrap()).unwrap())
        .collect()
}

fn benches(c: &mut Criterion) {
    let before = LIVE.load(Ordering::Relaxed);
    let entries = entries();
    let count = entries.len();
    let start = Instant::now();
    let mut register = Register::new(Default::default());
    for entry in entries {
        register.upsert(entry).unwrap();
    }
    let build = start.elapsed();
    let start = Instant::now();
    register.tidy();
    let tidy = start.elapsed();
    // What the register holds: the entries it was built from were moved in and dropped.
    let held = LIVE.load(Ordering::Relaxed) - before;
    println!(
        "register: built from {count} decoded clients in {:.2} s, then tidied in {:.2} s; holds {} bytes per client",
        build.as_secs_f64(),
        tidy.as_secs_f64(),
        held / count as isize
    );
    let today = "2026-07-14".parse().unwrap();
    // The whole register to XLSX, streamed to a file: the time, and the most heap it took
    // beyond the register itself.
    let whole = RegisterQuery {
        present_only: false,
        ..RegisterQuery::default()
    };
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/bench/register.xlsx");
    let file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let options = hospes::sheet::SheetOptions::xlsx(hospes::Locale::Fr);
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let start = Instant::now();
    let (_, rows) = register.export(&whole, today, &[], &options, file).unwrap();
    println!(
        "register: exported {rows} clients (23 columns) to XLSX in {:.1} s; heap beyond the register at most {:.1} MiB",
        start.elapsed().as_secs_f64(),
        (PEAK.load(Ordering::Relaxed) - base) as f64 / 1048576.0
    );
    for fragment in ["mar", "dur", "nun", "ski"] {
        let query = RegisterQuery {
            text: Some(fragment.into()),
            present_only: false,
            ..RegisterQuery::default()
        };
        let total = register.search(&query, today).unwrap().total;
        c.bench_function(
            &format!("register_search_{fragment}_first_50_of_{total}"),
            |b| b.iter(|| black_box(register.search(black_box(&query), today).unwrap())),
        );
        let count_only = RegisterQuery {
            page_size: 1,
            ..query
        };
        c.bench_function(&format!("register_count_{fragment}"), |b| {
            b.iter(|| {
                black_box(
                    register
                        .search(black_box(&count_only), today)
                        .unwrap()
                        .total,
                )
            })
        });
    }
    let present = RegisterQuery::default();
    let total = register.search(&present, today).unwrap().total;
    c.bench_function(&format!("register_present_today_{total}"), |b| {
        b.iter(|| black_box(register.search(black_box(&present), today).unwrap()))
    });
    let phone = RegisterQuery {
        phone: Some("06 12 34".into()),
        present_only: false,
        ..RegisterQuery::default()
    };
    c.bench_function("register_phone_fragment", |b| {
        b.iter(|| black_box(register.search(black_box(&phone), today).unwrap()))
    });
}

criterion_group! {
    name = register;
    config = Criterion::default().sample_size(30);
    targets = benches
}
criterion_main!(register);
