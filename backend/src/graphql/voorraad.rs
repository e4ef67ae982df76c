//! What one request fetched ahead for the items of a list: `Opgave.acties` loads the organisations of all
//! its acties in one batch when the selection asks for them, so that thousands of acties do not each wait on
//! the loader (a pending look-up per actie and field cost ~16 kB each; 2 557 acties held 40 MB).

use crate::entities::organisatie;
use async_graphql::Context;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The organisations of an actie, with their role.
pub type Organisaties = Arc<Vec<(String, organisatie::Model)>>;

/// Per request (added by `KoersSchema::execute`, never shared between requests): organisations per actie id
/// as the request's own viewer may see them.
#[derive(Clone, Default)]
pub struct Voorraad(Arc<Mutex<HashMap<i32, Organisaties>>>);

impl Voorraad {
    /// This request's store, if it has one.
    pub fn van<'a>(ctx: &Context<'a>) -> Option<&'a Voorraad> {
        ctx.data_opt::<Voorraad>()
    }

    /// Keeps the organisations of these acties (an actie without any gets an empty list).
    pub fn bewaar(&self, ids: &[i32], mut gevonden: HashMap<i32, Vec<(String, organisatie::Model)>>) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        for id in ids {
            map.insert(*id, Arc::new(gevonden.remove(id).unwrap_or_default()));
        }
    }

    /// The organisations of actie `id`, if fetched ahead.
    pub fn organisaties(&self, id: i32) -> Option<Organisaties> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).get(&id).cloned()
    }
}
