//! `cramp list`: the routines as `id  kind  m:ss  title`, in home order.

use cramp_coach::content::Content;
use cramp_coach::text::clock;

use super::exit;
use super::output::print;

pub fn run(content: &Content) -> exit::Result {
    let mut out = String::new();
    for r in &content.routines {
        out.push_str(&format!(
            "{}  {}  {}  {}\n",
            r.id,
            r.kind.as_str(),
            clock(r.total_seconds()),
            r.title
        ));
    }
    print(&out)
}
