//! Webhooks on the wire: a registration, its deliveries, and the inputs of the webhook mutations.

use crate::entities::thema;
use crate::entities::webhook_levering::{self as levering, Gebeurtenis, Toestand};
use crate::error::ServiceError;
use crate::graphql::ids::{Soort, decode, encode};
use crate::graphql::types::Thema;
use crate::graphql::zicht::kijker;
use crate::service::Services;
use crate::service::webhooks::beheer::WebhookMetThemas;
use async_graphql::connection::{Connection, Edge};
use async_graphql::{Context, Enum, ID, InputObject, Object, Result, ResultExt, SimpleObject};
use chrono::{DateTime, Utc};
use koers_shared::Melding;
use koers_shared::webhook::MAX_LEVERINGEN;

/// Waarover een webhook bericht krijgt (het `type` in de payload).
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "WebhookGebeurtenis")]
pub enum GebeurtenisGql {
    /// `actie.aangemaakt`: een actie is aangemaakt.
    ActieAangemaakt,
    /// `actie.gewijzigd`: de beschrijvende velden van een actie zijn gewijzigd.
    ActieGewijzigd,
    /// `actie.voortgang`: er is voortgang gerapporteerd op een actie.
    ActieVoortgang,
    /// `actieplan.gewijzigd`: een actieplan is gewijzigd.
    ActieplanGewijzigd,
}

impl From<GebeurtenisGql> for Gebeurtenis {
    fn from(g: GebeurtenisGql) -> Self {
        match g {
            GebeurtenisGql::ActieAangemaakt => Gebeurtenis::ActieAangemaakt,
            GebeurtenisGql::ActieGewijzigd => Gebeurtenis::ActieGewijzigd,
            GebeurtenisGql::ActieVoortgang => Gebeurtenis::ActieVoortgang,
            GebeurtenisGql::ActieplanGewijzigd => Gebeurtenis::ActieplanGewijzigd,
        }
    }
}

impl From<Gebeurtenis> for GebeurtenisGql {
    fn from(g: Gebeurtenis) -> Self {
        match g {
            Gebeurtenis::ActieAangemaakt => GebeurtenisGql::ActieAangemaakt,
            Gebeurtenis::ActieGewijzigd => GebeurtenisGql::ActieGewijzigd,
            Gebeurtenis::ActieVoortgang => GebeurtenisGql::ActieVoortgang,
            Gebeurtenis::ActieplanGewijzigd => GebeurtenisGql::ActieplanGewijzigd,
        }
    }
}

/// Waar een levering staat.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "LeveringToestand")]
pub enum ToestandGql {
    /// Nog te bezorgen: de eerste poging of een nieuwe na `volgendePogingOp`.
    Wachtend,
    /// De ontvanger antwoordde met 2xx.
    Bezorgd,
    /// Niet bezorgd: de webhook staat uit (gaat verder als hij weer aan gaat).
    Gestopt,
}

impl From<Toestand> for ToestandGql {
    fn from(t: Toestand) -> Self {
        match t {
            Toestand::Wachtend => ToestandGql::Wachtend,
            Toestand::Bezorgd => ToestandGql::Bezorgd,
            Toestand::Gestopt => ToestandGql::Gestopt,
        }
    }
}

/// Een webhook van een partner: Koers meldt wijzigingen binnen zijn bereik, ondertekend volgens Standard
/// Webhooks. Het geheim wordt alleen bij het aanmaken getoond.
pub struct Webhook(pub WebhookMetThemas);

/// Een webhook van een partner: Koers meldt wijzigingen binnen zijn bereik, ondertekend volgens Standard
/// Webhooks. Het geheim wordt alleen bij het aanmaken getoond.
#[Object]
impl Webhook {
    /// Globaal id.
    async fn id(&self) -> ID {
        encode(Soort::Webhook, self.0.0.id)
    }
    /// Naam van de koppeling.
    async fn naam(&self) -> &str {
        &self.0.0.naam
    }
    /// Waarheen Koers de berichten POST.
    async fn url(&self) -> &str {
        &self.0.0.url
    }
    /// Waarover de webhook bericht krijgt.
    async fn gebeurtenissen(&self) -> Vec<GebeurtenisGql> {
        crate::service::webhooks::gebeurtenissen(&self.0.0)
            .into_iter()
            .map(GebeurtenisGql::from)
            .collect()
    }
    /// Geldt voor alle thema's.
    async fn alle_themas(&self) -> bool {
        self.0.0.alle_themas
    }
    /// De thema's, als niet alle.
    #[graphql(complexity = "crate::graphql::cost::list(crate::graphql::cost::THEMAS, child_complexity)")]
    async fn themas(&self, ctx: &Context<'_>) -> Result<Vec<Thema>> {
        let z = crate::graphql::zicht::zicht(ctx)?;
        let rows =
            crate::service::lezen::by_ids::<thema::Entity>(&ctx.data::<Services>()?.db.reader, &z, &self.0.1)
                .await
                .extend()?;
        let mut list: Vec<_> = rows.into_values().collect();
        list.sort_by_key(|t| t.volgorde);
        Ok(list.into_iter().map(Thema).collect())
    }
    /// Krijgt ook bericht over vertrouwelijk werk.
    async fn vertrouwelijk(&self) -> bool {
        self.0.0.vertrouwelijk
    }
    /// Aan: Koers bezorgt. Uit: na te veel mislukte leveringen op rij, of door een beheerder.
    async fn actief(&self) -> bool {
        self.0.0.actief
    }
    /// Waarom de webhook uit staat.
    async fn uitgeschakeld_reden(&self) -> Option<&str> {
        self.0.0.uitgeschakeld_reden.as_deref()
    }
    /// Sinds wanneer de webhook uit staat.
    async fn uitgeschakeld_op(&self) -> Option<DateTime<Utc>> {
        self.0.0.uitgeschakeld_op
    }
    /// Mislukte leveringen op rij sinds de laatste geslaagde.
    async fn opeenvolgende_fouten(&self) -> i32 {
        self.0.0.opeenvolgende_fouten
    }
    /// Wie de webhook registreerde.
    async fn aangemaakt_door(&self) -> &str {
        &self.0.0.aangemaakt_door
    }
    /// Wanneer.
    async fn aangemaakt_op(&self) -> DateTime<Utc> {
        self.0.0.aangemaakt_op
    }
    /// Laatst gewijzigd.
    async fn gewijzigd_op(&self) -> DateTime<Utc> {
        self.0.0.gewijzigd_op
    }
    /// Het leveringslog, nieuwste eerst; `first` ≤ 100, standaard 20.
    #[graphql(complexity = "first.unwrap_or(20).clamp(0, 100) as usize * child_complexity + 2")]
    async fn leveringen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Hoeveel leveringen (0–100, standaard 20).")] first: Option<i32>,
        #[graphql(desc = "De cursor (`endCursor`) waarna de pagina begint.")] after: Option<String>,
    ) -> Result<Connection<String, WebhookLevering, LeveringTotaal>> {
        let aantal = u64::try_from(first.unwrap_or(20))
            .map_err(|_| {
                ServiceError::melding(
                    "first",
                    Melding::BuitenBereik {
                        min: 0,
                        max: i64::try_from(MAX_LEVERINGEN).unwrap_or(i64::MAX),
                    },
                )
            })
            .extend()?;
        let voor = after
            .as_deref()
            .map(|a| decode(a, Soort::WebhookLevering, "after"))
            .transpose()
            .extend()?;
        let p = ctx
            .data::<Services>()?
            .leveringen(kijker(ctx), self.0.0.id, voor, aantal)
            .await
            .extend()?;
        let mut conn = Connection::with_additional_fields(
            voor.is_some(),
            p.meer,
            LeveringTotaal {
                total_count: p.totaal,
            },
        );
        conn.edges.extend(
            p.leveringen
                .into_iter()
                .map(|l| Edge::new(encode(Soort::WebhookLevering, l.id).0, WebhookLevering::from(l))),
        );
        Ok(conn)
    }
}

/// Eén levering van een webhook: een bericht en hoe de pogingen gingen.
#[derive(SimpleObject)]
pub struct WebhookLevering {
    /// Globaal id.
    pub id: ID,
    /// Het soort bericht.
    pub gebeurtenis: GebeurtenisGql,
    /// De header `webhook-id`: bij elke poging dezelfde, zodat de ontvanger dubbele berichten herkent.
    pub bericht_id: String,
    /// Waar de levering staat.
    pub toestand: ToestandGql,
    /// Pogingen tot nu toe.
    pub pogingen: i32,
    /// Wanneer de volgende poging is (als de levering wacht).
    pub volgende_poging_op: DateTime<Utc>,
    /// De HTTP-status van het laatste antwoord.
    pub laatste_status: Option<i32>,
    /// Het begin van het laatste antwoord (ten hoogste 1 KiB).
    pub laatste_antwoord: Option<String>,
    /// Waarom de laatste poging mislukte.
    pub laatste_fout: Option<String>,
    /// Wanneer het bericht ontstond.
    pub aangemaakt_op: DateTime<Utc>,
    /// Wanneer de laatste poging was.
    pub laatste_poging_op: Option<DateTime<Utc>>,
    /// Wanneer het bericht bezorgd werd.
    pub bezorgd_op: Option<DateTime<Utc>>,
    /// De verstuurde JSON-body.
    pub payload: String,
}

impl From<levering::Model> for WebhookLevering {
    fn from(l: levering::Model) -> Self {
        WebhookLevering {
            id: encode(Soort::WebhookLevering, l.id),
            gebeurtenis: l.gebeurtenis.into(),
            bericht_id: l.bericht_id,
            toestand: l.toestand.into(),
            pogingen: l.pogingen,
            volgende_poging_op: l.volgende_poging_op,
            laatste_status: l.laatste_status,
            laatste_antwoord: l.laatste_antwoord,
            laatste_fout: l.laatste_fout,
            aangemaakt_op: l.aangemaakt_op,
            laatste_poging_op: l.laatste_poging_op,
            bezorgd_op: l.bezorgd_op,
            payload: l.payload,
        }
    }
}

/// Extra velden van het leveringslog.
#[derive(SimpleObject)]
pub struct LeveringTotaal {
    /// Aantal leveringen van deze webhook, over alle pagina's.
    pub total_count: u64,
}

/// Een nieuwe webhook: het geheim (alleen nu te zien) en de webhook.
#[derive(SimpleObject)]
pub struct NieuweWebhook {
    /// Het geheim (`whsec_…`) waarmee de ontvanger de handtekening controleert: bewaar het nu.
    pub geheim: String,
    /// De webhook.
    pub webhook: Webhook,
}

/// Een nieuwe webhook.
#[derive(InputObject)]
pub struct WebhookAanmakenInvoer {
    /// Naam van de koppeling (1–200 tekens).
    pub naam: String,
    /// Waarheen Koers POST: een http(s)-adres, geen intern adres.
    pub url: String,
    /// Een eigen Standard Webhooks-geheim (`whsec_` + base64 van 24–64 bytes); weglaten: Koers maakt er een.
    pub geheim: Option<String>,
    /// Waarover de webhook bericht krijgt (minstens één).
    pub gebeurtenissen: Vec<GebeurtenisGql>,
    /// De thema's; weglaten geeft alle thema's.
    pub themas: Option<Vec<ID>>,
    /// Krijgt ook bericht over vertrouwelijk werk.
    #[graphql(default)]
    pub vertrouwelijk: bool,
}

/// Een wijziging van een webhook; weggelaten velden blijven zoals ze zijn.
#[derive(InputObject)]
pub struct WebhookWijzigenInvoer {
    /// Het id van de webhook.
    pub id: ID,
    /// Nieuwe naam.
    pub naam: Option<String>,
    /// Nieuw adres.
    pub url: Option<String>,
    /// Nieuwe gebeurtenissen (minstens één).
    pub gebeurtenissen: Option<Vec<GebeurtenisGql>>,
    /// Alleen deze thema's (niet samen met `alleThemas`).
    pub themas: Option<Vec<ID>>,
    /// `true`: voortaan alle thema's.
    pub alle_themas: Option<bool>,
    /// Wel of geen bericht over vertrouwelijk werk.
    pub vertrouwelijk: Option<bool>,
}
