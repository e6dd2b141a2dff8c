/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-bench-data"

/* rapport-bench-data: a deterministic, realistic Rapport database for the
 * benchmarks. The same options and seed give the same rows every time (its
 * own PRNG, not g_random); only the UUID-free timestamps of the schema's
 * settings rows depend on the clock.
 *
 * The store creates the schema; the rows go in through bound INSERTs in one
 * transaction on the store's own connection, so the CHECK constraints,
 * foreign keys and the FTS5 triggers all apply. */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rapport-store.h"

/* xoshiro256** seeded by splitmix64: fast, and the same on every machine. */
typedef struct {
  guint64 s[4];
} Rng;

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static void
rng_init (Rng     *rng,
          guint64  seed)
{
  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&seed);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* Uniform in [0, n). */
static guint
rng_below (Rng   *rng,
           guint  n)
{
  return n ? (guint) ((rng_next (rng) >> 32) * n >> 32) : 0;
}

/* Uniform in [0, 1). */
static double
rng_double (Rng *rng)
{
  return (rng_next (rng) >> 11) * 0x1.0p-53;
}

static gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_double (rng) < p;
}

#define PICK(rng, array) ((array)[rng_below ((rng), G_N_ELEMENTS (array))])

typedef struct {
  const char *name;
  const char *ascii;  /* for the email address */
} Name;

static const Name first_names[] = {
  { "Zoë", "zoe" }, { "José", "jose" }, { "Siobhán", "siobhan" }, { "Björn", "bjorn" },
  { "Renée", "renee" }, { "Łukasz", "lukasz" }, { "Inès", "ines" }, { "Søren", "soren" },
  { "Zoé", "zoe" }, { "Åsa", "asa" }, { "Jürgen", "jurgen" }, { "François", "francois" },
  { "Mónica", "monica" }, { "Andrés", "andres" }, { "Dóra", "dora" }, { "Ciarán", "ciaran" },
  { "Niamh", "niamh" }, { "Aoife", "aoife" }, { "Seán", "sean" }, { "Ana", "ana" },
  { "Lucía", "lucia" }, { "Sofía", "sofia" }, { "Matías", "matias" }, { "João", "joao" },
  { "Conceição", "conceicao" }, { "Gonçalo", "goncalo" }, { "Anaïs", "anais" }, { "Hélène", "helene" },
  { "Jérôme", "jerome" }, { "Chloé", "chloe" }, { "Noémie", "noemie" }, { "Gaël", "gael" },
  { "Maëlle", "maelle" }, { "Jörg", "jorg" }, { "Jürgen", "juergen" }, { "Ulrike", "ulrike" },
  { "Käthe", "kathe" }, { "Grete", "grete" }, { "Lars", "lars" }, { "Mette", "mette" },
  { "Øystein", "oystein" }, { "Ingrid", "ingrid" }, { "Agnieszka", "agnieszka" }, { "Małgorzata", "malgorzata" },
  { "Wojciech", "wojciech" }, { "Zofia", "zofia" }, { "Tomáš", "tomas" }, { "Jiří", "jiri" },
  { "Kateřina", "katerina" }, { "Dušan", "dusan" }, { "Milena", "milena" }, { "Ayşe", "ayse" },
  { "Çağla", "cagla" }, { "Emre", "emre" }, { "Giulia", "giulia" }, { "Niccolò", "niccolo" },
  { "Lorenzo", "lorenzo" }, { "Chiara", "chiara" }, { "Ada", "ada" }, { "Grace", "grace" },
  { "Margaret", "margaret" }, { "James", "james" }, { "Mary", "mary" }, { "John", "john" },
  { "Patricia", "patricia" }, { "Robert", "robert" }, { "Jennifer", "jennifer" }, { "Michael", "michael" },
  { "Linda", "linda" }, { "David", "david" }, { "Elizabeth", "elizabeth" }, { "William", "william" },
  { "Barbara", "barbara" }, { "Richard", "richard" }, { "Susan", "susan" }, { "Thomas", "thomas" },
  { "Olivia", "olivia" }, { "Liam", "liam" }, { "Emma", "emma" }, { "Noah", "noah" },
  { "Amelia", "amelia" }, { "Oliver", "oliver" }, { "Isla", "isla" }, { "Arthur", "arthur" },
  { "Priya", "priya" }, { "Arjun", "arjun" }, { "Mei", "mei" }, { "Wei", "wei" },
  { "Yuki", "yuki" }, { "Hiroshi", "hiroshi" }, { "Nguyễn", "nguyen" }, { "Fatima", "fatima" },
  { "Omar", "omar" }, { "Leïla", "leila" }, { "Youssef", "youssef" }, { "Amara", "amara" },
  { "Kwame", "kwame" }, { "Chidi", "chidi" }, { "Ngozi", "ngozi" }, { "Thandiwe", "thandiwe" },
};

static const Name last_names[] = {
  { "Müller", "mueller" }, { "Álvarez", "alvarez" }, { "O'Neill", "oneill" }, { "Schröder", "schroeder" },
  { "Groß", "gross" }, { "Weiß", "weiss" }, { "Köhler", "koehler" }, { "Bäcker", "baecker" },
  { "Schmidt", "schmidt" }, { "Fischer", "fischer" }, { "Wagner", "wagner" }, { "Hoffmann", "hoffmann" },
  { "García", "garcia" }, { "Fernández", "fernandez" }, { "González", "gonzalez" }, { "Rodríguez", "rodriguez" },
  { "López", "lopez" }, { "Martínez", "martinez" }, { "Sánchez", "sanchez" }, { "Pérez", "perez" },
  { "Gómez", "gomez" }, { "Muñoz", "munoz" }, { "Ibáñez", "ibanez" }, { "Peña", "pena" },
  { "Gonçalves", "goncalves" }, { "Simões", "simoes" }, { "Magalhães", "magalhaes" }, { "Araújo", "araujo" },
  { "Lefèvre", "lefevre" }, { "Dubois", "dubois" }, { "Moreau", "moreau" }, { "Girard", "girard" },
  { "Bélanger", "belanger" }, { "Côté", "cote" }, { "Lévesque", "levesque" }, { "Gagné", "gagne" },
  { "Ó Briain", "obriain" }, { "Mac Giolla", "macgiolla" }, { "Ní Bhriain", "nibhriain" }, { "Ó Súilleabháin", "osullivan" },
  { "Murphy", "murphy" }, { "Kelly", "kelly" }, { "Byrne", "byrne" }, { "Walsh", "walsh" },
  { "Nielsen", "nielsen" }, { "Jørgensen", "jorgensen" }, { "Sørensen", "sorensen" }, { "Hansen", "hansen" },
  { "Åberg", "aberg" }, { "Lindström", "lindstrom" }, { "Öberg", "oberg" }, { "Ekström", "ekstrom" },
  { "Kowalski", "kowalski" }, { "Wiśniewska", "wisniewska" }, { "Wójcik", "wojcik" }, { "Łukaszewicz", "lukaszewicz" },
  { "Dvořák", "dvorak" }, { "Novotná", "novotna" }, { "Černý", "cerny" }, { "Horváth", "horvath" },
  { "Nagy", "nagy" }, { "Szabó", "szabo" }, { "Yılmaz", "yilmaz" }, { "Öztürk", "ozturk" },
  { "Şahin", "sahin" }, { "Rossi", "rossi" }, { "Esposito", "esposito" }, { "Bianchi", "bianchi" },
  { "Lovelace", "lovelace" }, { "Hopper", "hopper" }, { "Hamilton", "hamilton" }, { "Smith", "smith" },
  { "Johnson", "johnson" }, { "Williams", "williams" }, { "Brown", "brown" }, { "Jones", "jones" },
  { "Miller", "miller" }, { "Davis", "davis" }, { "Wilson", "wilson" }, { "Taylor", "taylor" },
  { "Anderson", "anderson" }, { "Thomas", "thomas" }, { "Moore", "moore" }, { "Martin", "martin" },
  { "Patel", "patel" }, { "Sharma", "sharma" }, { "Chen", "chen" }, { "Wang", "wang" },
  { "Tanaka", "tanaka" }, { "Suzuki", "suzuki" }, { "Trần", "tran" }, { "Kim", "kim" },
  { "Haddad", "haddad" }, { "Benali", "benali" }, { "Okafor", "okafor" }, { "Mensah", "mensah" },
};

static const char *company_stems[] = {
  "Bäckerei", "Café", "Autohaus", "Zahnarztpraxis", "Garage", "Boulangerie", "Ferretería",
  "Clínica", "Atelier", "Studio", "Hotel", "Gasthof", "Apotheke", "Floristería", "Tischlerei",
  "Elektro", "Sanitär", "Kanzlei", "Salon", "Optik", "Bodega", "Pâtisserie", "Brasserie",
  "Dental Care", "Plumbing", "Landscaping", "Print Shop", "Veterinary Clinic", "Bookshop",
};

static const char *company_suffixes[] = {
  "GmbH", "& Söhne", "S.L.", "SARL", "Ltd", "AB", "ApS", "Sp. z o.o.", "s.r.o.", "e.K.", "& Co.",
  "Inc.", "", "", "",
};

static const char *domains[] = {
  "example.com", "example.org", "example.net", "mail.example", "post.example", "web.example",
};

static const char *note_texts[] = {
  "Prefers calls in the morning",
  "Ask for the owner, not the front desk",
  "Hard of hearing: speak slowly",
  "Speaks German and English",
  "Habla español; prefiere llamadas por la tarde",
  "Préfère être appelée après 14 h",
  "Closed on Mondays",
  "Contract renewal in spring",
  "Complained about the invoice in 2023, resolved",
  "VIP: three locations",
  "Mobile only, no landline",
  "Email first, then call",
  "Was unhappy with the delay, now satisfied",
  "Nur vormittags erreichbar",
  "Referral from Zoë Müller",
  "Tends to reschedule; confirm the day before",
  "Has a second site in Cork",
  "Gate code 4711",
};

static const char *call_notes[] = {
  "All good, very happy with the service",
  "Happy; asked about the maintenance plan",
  "Satisfied, recommends us to a neighbour",
  "Some noise after the repair, will watch it",
  "Technician was late but friendly",
  "Invoice unclear, sent a copy",
  "Still leaking, needs another visit",
  "Not happy with the price",
  "Wants a call back next week",
  "Left a message with the receptionist",
  "Très satisfaite du travail",
  "Alles bestens, danke",
  "Todo perfecto",
};

static const char *staff_names[] = {
  "Zoë Müller", "José Álvarez", "Siobhán O'Neill", "Björn Lindström", "Renée Côté", "Priya Patel",
};

typedef struct {
  GDate today;
  guint n_days;      /* history length in days, ending yesterday */
  char **day_iso;    /* day offset (0 = first day) → "YYYY-MM-DD" */
  guint first;       /* julian day of offset 0 */
} Calendar;

static const char *
cal_iso (Calendar *cal,
         guint     julian)
{
  g_assert (julian >= cal->first && julian < cal->first + cal->n_days + 120);
  return cal->day_iso[julian - cal->first];
}

static gboolean
is_business_day (guint julian)
{
  GDate d;
  GDateWeekday wd;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  wd = g_date_get_weekday (&d);
  return wd != G_DATE_SATURDAY && wd != G_DATE_SUNDAY;
}

static guint
add_business_days (guint julian,
                   int   n)
{
  int step = n >= 0 ? 1 : -1;

  for (int i = 0; i != n; i += step)
    {
      julian += step;
      while (!is_business_day (julian))
        julian += step;
    }
  return julian;
}

static guint
forward_to_business_day (guint julian)
{
  while (!is_business_day (julian))
    julian++;
  return julian;
}

static void
make_uuid (Rng  *rng,
           char  out[37])
{
  guint64 a = rng_next (rng);
  guint64 b = rng_next (rng);

  a = (a & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;
  b = (b & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  g_snprintf (out, 37, "%08x-%04x-%04x-%04x-%012" G_GINT64_MODIFIER "x",
              (guint) (a >> 32), (guint) (a >> 16) & 0xffff, (guint) a & 0xffff,
              (guint) (b >> 48), (guint64) (b & 0xffffffffffffULL));
}

typedef struct {
  char *name;
  char *company;
  char *phone;
  char *phone_digits;
  char *email;
  const char *notes;
  guint since;          /* julian day */
  guint cadence;
  gboolean phone_needs_check;
} Customer;

static char *
digits_of (const char *s)
{
  GString *d = g_string_new (NULL);
  for (; *s; s++)
    if (g_ascii_isdigit (*s))
      g_string_append_c (d, *s);
  return g_string_free (d, FALSE);
}

static void
make_customer (Rng      *rng,
               Customer *c)
{
  const Name *first = &PICK (rng, first_names);
  const Name *last = &PICK (rng, last_names);
  guint style = rng_below (rng, 10);

  c->name = g_strdup_printf ("%s %s", first->name, last->name);

  if (rng_chance (rng, 0.55))
    {
      /* A business named after its owner, a place or a trade. */
      if (rng_chance (rng, 0.5))
        c->company = g_strdup_printf ("%s %s %s", PICK (rng, company_stems), last->name,
                                      PICK (rng, company_suffixes));
      else
        c->company = g_strdup_printf ("%s %s", PICK (rng, company_stems),
                                      PICK (rng, last_names).name);
      g_strchomp (c->company);
    }
  else
    c->company = g_strdup ("");

  if (rng_chance (rng, 0.95))
    {
      guint a = rng_below (rng, 900) + 100, b = rng_below (rng, 9000) + 1000;
      guint x = rng_below (rng, 900) + 100;
      if (style < 3)
        c->phone = g_strdup_printf ("+49 30 %u%u", x, b);
      else if (style < 5)
        c->phone = g_strdup_printf ("(%u) %u-%u", a, x, b);
      else if (style < 7)
        c->phone = g_strdup_printf ("+353 1 %u %u", x, b);
      else if (style < 9)
        c->phone = g_strdup_printf ("+34 6%u %u %u", rng_below (rng, 90) + 10, x, b);
      else
        c->phone = g_strdup_printf ("0%u %u %u", a, x, b);
    }
  else
    c->phone = g_strdup ("");
  c->phone_digits = digits_of (c->phone);

  if (rng_chance (rng, 0.8))
    c->email = g_strdup_printf ("%s.%s%u@%s", first->ascii, last->ascii, rng_below (rng, 1000),
                                PICK (rng, domains));
  else
    c->email = g_strdup ("");

  c->notes = rng_chance (rng, 0.3) ? PICK (rng, note_texts) : "";
  c->cadence = rng_chance (rng, 0.85) ? 0 : (guint[]) { 30, 60, 180, 365 }[rng_below (rng, 4)];
  c->phone_needs_check = rng_chance (rng, 0.01);
}

static void
customer_clear (Customer *c)
{
  g_free (c->name);
  g_free (c->company);
  g_free (c->phone);
  g_free (c->phone_digits);
  g_free (c->email);
}

static gboolean
check (sqlite3  *db,
       int       rc,
       int       expected,
       GError  **error)
{
  if (rc == expected)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "SQLite: %s", sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
prepare (sqlite3       *db,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  return check (db, sqlite3_prepare_v2 (db, sql, -1, stmt, NULL), SQLITE_OK, error);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           i,
           const char   *text)
{
  if (text)
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, i);
}

static gboolean
step (sqlite3       *db,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return check (db, rc, SQLITE_DONE, error);
}

static void
timestamp (char     out[24],
           Calendar *cal,
           guint     julian,
           guint     seconds)
{
  g_snprintf (out, 24, "%sT%02u:%02u:%02uZ", cal_iso (cal, julian),
              seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
}

typedef enum {
  ROLE_NONE,
  ROLE_AGENDA,     /* due today or overdue */
  ROLE_LATER,      /* open in the weeks to come, or waiting */
  ROLE_NEW_DUE,    /* joined 2–4 business days ago: the new call is due */
  ROLE_NEW_LATER,  /* joined today or yesterday */
} Role;

/* Customers who joined in the last five business days. */
#define N_RECENT 10

typedef struct {
  Rng rng;
  Calendar cal;
  sqlite3 *db;
  Customer *customers;
  guint n_customers;
  guint n_calls;
  guint agenda_size;
  guint agenda_placed;
  guint n_open;
  guint8 *role;
  guint n_follow_ups;
} Gen;

/* One follow-up row; @due 0 means waiting, @closed_on non-zero closes it. */
static gboolean
insert_follow_up (Gen         *g,
                  sqlite3_stmt *stmt,
                  gint64       customer,
                  const char  *situation,
                  guint        flagged,
                  guint        due,
                  guint        attempts,
                  const char  *note,
                  guint        closed_on,
                  const char  *reason,
                  GError     **error)
{
  char uuid[37], ts[24];
  const char *state = closed_on ? "closed" : due ? "open" : "waiting";

  make_uuid (&g->rng, uuid);
  timestamp (ts, &g->cal, closed_on ? closed_on : flagged, 9 * 3600 + rng_below (&g->rng, 8 * 3600));
  bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, customer);
  bind_text (stmt, 3, situation);
  bind_text (stmt, 4, state);
  bind_text (stmt, 5, cal_iso (&g->cal, flagged));
  bind_text (stmt, 6, due && !closed_on ? cal_iso (&g->cal, due) : NULL);
  sqlite3_bind_int (stmt, 7, (int) attempts);
  bind_text (stmt, 8, note ? note : "");
  bind_text (stmt, 9, closed_on ? reason : NULL);
  bind_text (stmt, 10, closed_on ? cal_iso (&g->cal, closed_on) : NULL);
  bind_text (stmt, 11, ts);
  g->n_follow_ups++;
  return step (g->db, stmt, error);
}

static gboolean
insert_customers (Gen     *g,
                  FILE    *csv,
                  GError **error)
{
  static const char sql[] =
    "INSERT INTO customers (id, uuid, name, company, phone, phone_digits, email, notes, since,"
    " cadence_days, phone_needs_check, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)";
  g_autoptr(GString) line = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (g->db && !prepare (g->db, sql, &stmt, error))
    return FALSE;
  if (csv)
    fputs ("Name,Company,Phone,Email,Notes,First service\n", csv);

  for (guint i = 0; i < g->n_customers && ok; i++)
    {
      Customer *c = &g->customers[i];

      if (stmt)
        {
          char uuid[37], ts[24];
          make_uuid (&g->rng, uuid);
          timestamp (ts, &g->cal, c->since, 8 * 3600 + rng_below (&g->rng, 10 * 3600));
          sqlite3_bind_int64 (stmt, 1, i + 1);
          bind_text (stmt, 2, uuid);
          bind_text (stmt, 3, c->name);
          bind_text (stmt, 4, c->company);
          bind_text (stmt, 5, c->phone);
          bind_text (stmt, 6, c->phone_digits);
          bind_text (stmt, 7, c->email);
          bind_text (stmt, 8, c->notes);
          bind_text (stmt, 9, cal_iso (&g->cal, c->since));
          sqlite3_bind_int (stmt, 10, (int) c->cadence);
          sqlite3_bind_int (stmt, 11, c->phone_needs_check);
          bind_text (stmt, 12, ts);
          ok = step (g->db, stmt, error);
        }
      if (csv)
        {
          const char *fields[] = { c->name, c->company, c->phone, c->email, c->notes,
                                   cal_iso (&g->cal, c->since) };
          g_string_truncate (line, 0);
          for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
            {
              if (f)
                g_string_append_c (line, ',');
              if (strpbrk (fields[f], ",\"\n"))
                {
                  g_string_append_c (line, '"');
                  for (const char *p = fields[f]; *p; p++)
                    {
                      if (*p == '"')
                        g_string_append_c (line, '"');
                      g_string_append_c (line, *p);
                    }
                  g_string_append_c (line, '"');
                }
              else
                g_string_append (line, fields[f]);
            }
          g_string_append_c (line, '\n');
          fwrite (line->str, 1, line->len, csv);
        }
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Calls over the years: each business day gets a share proportional to the
 * customers the business had then; older customers collect more history. */
static gboolean
insert_calls (Gen     *g,
              GError **error)
{
  static const char sql[] =
    "INSERT INTO calls (uuid, customer_id, day, logged_at, staff, result, satisfaction,"
    " problem_persists, callback_on, note, situations, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?4, ?4)";
  guint today = g_date_get_julian (&g->cal.today);
  g_autofree double *weight = g_new0 (double, g->cal.n_days);
  sqlite3_stmt *stmt = NULL;
  double total = 0, carry = 0;
  guint emitted = 0, k = 0;

  if (g->n_calls == 0)
    return TRUE;
  if (!prepare (g->db, sql, &stmt, error))
    return FALSE;

  /* Customers are in order of first service, so those known on day d are a prefix. */
  for (guint d = 0; d < g->cal.n_days; d++)
    {
      guint julian = g->cal.first + d;
      while (k < g->n_customers && g->customers[k].since < julian)
        k++;
      weight[d] = is_business_day (julian) && julian < today ? k : 0;
      total += weight[d];
    }

  k = 0;
  for (guint d = 0; d < g->cal.n_days && total > 0; d++)
    {
      guint julian = g->cal.first + d;
      double want;
      guint n;

      while (k < g->n_customers && g->customers[k].since < julian)
        k++;
      want = g->n_calls * weight[d] / total + carry;
      n = (guint) want;
      carry = want - n;
      if (d == g->cal.n_days - 1 || emitted + n > g->n_calls)
        n = g->n_calls - emitted;
      if (k == 0)
        continue;

      for (guint i = 0; i < n; i++)
        {
          char uuid[37], ts[24];
          guint customer = rng_below (&g->rng, k);
          guint r = rng_below (&g->rng, 100);
          const char *result, *situation;
          int rating = 0;
          gboolean persists = FALSE;
          guint callback = 0;
          const char *note = "";

          /* Most calls reach the customer; ratings lean to 4–5. */
          if (r < 72)
            {
              guint s = rng_below (&g->rng, 100);
              result = "reached";
              rating = s < 46 ? 5 : s < 79 ? 4 : s < 90 ? 3 : s < 96 ? 2 : 1;
              persists = rating <= 2 ? rng_chance (&g->rng, 0.5) : rng_chance (&g->rng, 0.01);
              if (rng_chance (&g->rng, 0.35))
                note = PICK (&g->rng, call_notes);
            }
          else if (r < 84)
            result = "no-answer";
          else if (r < 93)
            result = "voicemail";
          else if (r < 98)
            {
              result = "callback";
              callback = add_business_days (julian, 1 + (int) rng_below (&g->rng, 5));
              note = "Wants a call back";
            }
          else
            result = "wrong-number";

          r = rng_below (&g->rng, 100);
          situation = r < 4 ? "irate" : r < 8 ? "nothing-went-right" : r < 14 ? "new"
                    : r < 97 ? "regular" : "";

          make_uuid (&g->rng, uuid);
          timestamp (ts, &g->cal, julian, 8 * 3600 + rng_below (&g->rng, 9 * 3600));
          bind_text (stmt, 1, uuid);
          sqlite3_bind_int64 (stmt, 2, customer + 1);
          bind_text (stmt, 3, cal_iso (&g->cal, julian));
          bind_text (stmt, 4, ts);
          bind_text (stmt, 5, staff_names[rng_below (&g->rng, G_N_ELEMENTS (staff_names))]);
          bind_text (stmt, 6, result);
          if (rating)
            sqlite3_bind_int (stmt, 7, rating);
          else
            sqlite3_bind_null (stmt, 7);
          sqlite3_bind_int (stmt, 8, persists);
          bind_text (stmt, 9, callback ? cal_iso (&g->cal, callback) : NULL);
          bind_text (stmt, 10, note);
          bind_text (stmt, 11, situation);
          if (!step (g->db, stmt, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }
      emitted += n;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* The follow-ups: every settled customer's closed `new` one, and the open ones
 * of about 3 % of the customers in every state. The day's agenda has the same
 * size at every database size, so that the benchmark compares like with like. */
static gboolean
insert_follow_ups (Gen     *g,
                   GError **error)
{
  static const char sql[] =
    "INSERT INTO follow_ups (uuid, customer_id, situation, state, flagged_on, due, attempts,"
    " note, close_reason, closed_on, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)";
  guint today = g_date_get_julian (&g->cal.today);
  guint yesterday = add_business_days (today, -1);
  sqlite3_stmt *stmt = NULL;
  guint agenda_i = 0, later_i = 0;
  gboolean ok = TRUE;

  if (!prepare (g->db, sql, &stmt, error))
    return FALSE;

  for (guint i = 0; i < g->n_customers && ok; i++)
    {
      Customer *c = &g->customers[i];
      gint64 id = i + 1;
      guint new_due = add_business_days (c->since, 2);

      if (g->role[i] != ROLE_NEW_DUE && g->role[i] != ROLE_NEW_LATER)
        ok = insert_follow_up (g, stmt, id, "new", c->since, new_due, 0, "", new_due,
                               rng_chance (&g->rng, 0.9) ? "satisfied" : "unreachable", error);
      if (!ok)
        break;

      if (g->role[i] == ROLE_NEW_DUE || g->role[i] == ROLE_NEW_LATER)
        ok = insert_follow_up (g, stmt, id, "new", c->since, new_due, 0, "", 0, NULL, error);
      else if (g->role[i] == ROLE_AGENDA)
        {
          /* Due today or overdue; a few customers have two situations due. */
          guint kind = agenda_i++ % 5;
          guint overdue = add_business_days (today, -(int) (1 + rng_below (&g->rng, 6)));
          switch (kind)
            {
            case 0:
              ok = insert_follow_up (g, stmt, id, "irate", yesterday, today, 0,
                                     "Technician missed the appointment", 0, NULL, error);
              if (ok && agenda_i % 3 == 0)
                ok = insert_follow_up (g, stmt, id, "regular", overdue, overdue, 1, "", 0, NULL, error);
              break;
            case 1:
              ok = insert_follow_up (g, stmt, id, "nothing-went-right",
                                     add_business_days (today, -5), today, 0,
                                     "Heating failed twice; part replaced", 0, NULL, error);
              break;
            case 2:
              ok = insert_follow_up (g, stmt, id, "irate", overdue, add_business_days (overdue, 1),
                                     1, "Invoice sent twice", 0, NULL, error);
              break;
            case 3:
              ok = insert_follow_up (g, stmt, id, "regular", overdue, overdue,
                                     rng_below (&g->rng, 2), "", 0, NULL, error);
              break;
            default:
              ok = insert_follow_up (g, stmt, id, "regular", today, today, 0, "", 0, NULL, error);
              if (ok && agenda_i % 2 == 0)
                ok = insert_follow_up (g, stmt, id, "nothing-went-right", overdue, 0, 0,
                                       "Waiting for the spare part", 0, NULL, error);
              break;
            }
        }
      else if (g->role[i] == ROLE_LATER)
        {
          /* Open in the weeks to come, or waiting for a correction. */
          guint kind = later_i++ % 10;
          guint later = forward_to_business_day (today + 1 + rng_below (&g->rng, 90));
          guint soon = add_business_days (today, 1 + (int) rng_below (&g->rng, 2));
          if (kind < 2)
            ok = insert_follow_up (g, stmt, id, "nothing-went-right",
                                   add_business_days (today, -(int) rng_below (&g->rng, 20)), 0, 0,
                                   "Waiting for the spare part", 0, NULL, error);
          else if (kind < 3)
            ok = insert_follow_up (g, stmt, id, "irate", today, soon, 0,
                                   "Rude technician", 0, NULL, error);
          else if (kind < 4)
            ok = insert_follow_up (g, stmt, id, "nothing-went-right", add_business_days (today, -3),
                                   soon, 0, "Wrong part fitted, replaced", 0, NULL, error);
          else
            ok = insert_follow_up (g, stmt, id, "regular", today, later, 0, "", 0, NULL, error);
        }
    }
  sqlite3_finalize (stmt);
  return ok;
}

static int
compare_since (gconstpointer a,
               gconstpointer b)
{
  const Customer *x = a, *y = b;
  return (x->since > y->since) - (x->since < y->since);
}

/* The customers and their roles. */
static void
make_customers (Gen *g)
{
  guint today = g_date_get_julian (&g->cal.today);
  guint n_recent = MIN (g->n_customers, N_RECENT);
  guint n_later;

  g->customers = g_new0 (Customer, g->n_customers);
  for (guint i = 0; i < g->n_customers; i++)
    {
      Customer *c = &g->customers[i];
      double x = rng_double (&g->rng);
      make_customer (&g->rng, c);
      /* More customers in recent years: the business grew. Everyone settled
       * two weeks ago or more, apart from the brand-new ones below. */
      c->since = g->cal.first + (guint) ((g->cal.n_days - 14) * pow (x, 0.75));
    }
  qsort (g->customers, g->n_customers, sizeof (Customer), compare_since);

  /* The newest few joined in the last days: two a day over five business
   * days, so their new follow-ups are due today, overdue or still to come. */
  g->role = g_new0 (guint8, g->n_customers);
  for (guint j = 0; j < n_recent; j++)
    {
      guint i = g->n_customers - n_recent + j;
      int ago = 4 - (int) (j * 5 / n_recent);
      g->customers[i].since = add_business_days (today, -ago);
      g->role[i] = ago >= 2 ? ROLE_NEW_DUE : ROLE_NEW_LATER;
      if (ago >= 2)
        g->agenda_placed++;
    }

  /* The rest of the agenda and the later follow-ups, at random. */
  for (guint tries = 0; g->agenda_placed < g->agenda_size && tries < 100 * g->n_customers; tries++)
    {
      guint i = rng_below (&g->rng, g->n_customers - n_recent);
      if (g->role[i] != ROLE_NONE)
        continue;
      g->role[i] = ROLE_AGENDA;
      g->agenda_placed++;
    }
  n_later = g->n_open > g->agenda_placed + n_recent ? g->n_open - g->agenda_placed - n_recent : 0;
  for (guint placed = 0, tries = 0; placed < n_later && tries < 100 * g->n_customers; tries++)
    {
      guint i = rng_below (&g->rng, g->n_customers - n_recent);
      if (g->role[i] != ROLE_NONE)
        continue;
      g->role[i] = ROLE_LATER;
      placed++;
    }
}

static gboolean
run_in_transaction (Gen     *g,
                    GError **error)
{
  if (!check (g->db, sqlite3_exec (g->db, "BEGIN", NULL, NULL, NULL), SQLITE_OK, error))
    return FALSE;
  if (!insert_customers (g, NULL, error) ||
      !insert_calls (g, error) ||
      !insert_follow_ups (g, error))
    {
      sqlite3_exec (g->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return check (g->db, sqlite3_exec (g->db, "COMMIT", NULL, NULL, NULL), SQLITE_OK, error);
}

int
main (int    argc,
      char **argv)
{
  gint64 n_customers = 1000, n_calls = 10000, seed = 1, agenda_size = 25;
  g_autofree char *output = NULL, *csv_path = NULL, *today_iso = NULL;
  GOptionEntry entries[] = {
    { "customers", 0, 0, G_OPTION_ARG_INT64, &n_customers, "Number of customers", "N" },
    { "calls", 0, 0, G_OPTION_ARG_INT64, &n_calls, "Number of calls", "M" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the generator", "S" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "Database to create (must not exist)", "FILE" },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path, "Also write the customers as CSV", "FILE" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_iso, "The day the data ends (default: today)", "YYYY-MM-DD" },
    { "agenda", 0, 0, G_OPTION_ARG_INT64, &agenda_size, "Customers due on today's agenda (default 25)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— make a database for the benchmarks");
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  Gen g = { 0 };
  gint64 t0 = g_get_monotonic_time ();
  guint first;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if ((output == NULL && csv_path == NULL) || n_customers < 1 || n_customers > 10000000 ||
      n_calls < 0 || n_calls > 100000000 || agenda_size < 0)
    {
      g_printerr ("Usage: rapport-bench-data --customers N --calls M --seed S --output FILE [--csv FILE]\n");
      return 2;
    }
  if (output && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists; the generator only creates new databases\n", output);
      return 1;
    }

  rng_init (&g.rng, (guint64) seed);
  g.n_customers = (guint) n_customers;
  g.n_calls = (guint) n_calls;
  /* About 3 % of the customers have open follow-ups, at least enough for the agenda and more. */
  g.agenda_size = (guint) MIN (agenda_size, n_customers / 2);
  g.n_open = MIN (g.n_customers, MAX ((guint) ceil (n_customers * 0.03), g.agenda_size + 15));

  g_date_clear (&g.cal.today, 1);
  if (today_iso)
    {
      guint y, m, d;
      if (sscanf (today_iso, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
        {
          g_printerr ("--today needs a date as YYYY-MM-DD\n");
          return 2;
        }
      g_date_set_dmy (&g.cal.today, d, m, y);
    }
  else
    g_date_set_time_t (&g.cal.today, time (NULL));
  /* Five years of history; dates up to four months ahead for due dates. */
  g.cal.n_days = 5 * 365 + 1;
  first = g_date_get_julian (&g.cal.today) - g.cal.n_days;
  g.cal.first = first;
  g.cal.day_iso = g_new0 (char *, g.cal.n_days + 121);
  for (guint i = 0; i < g.cal.n_days + 120; i++)
    {
      GDate d;
      g_date_clear (&d, 1);
      g_date_set_julian (&d, first + i);
      g.cal.day_iso[i] = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d),
                                          g_date_get_month (&d), g_date_get_day (&d));
    }

  make_customers (&g);

  if (csv_path)
    {
      FILE *csv = fopen (csv_path, "w");
      Gen csv_gen = g;
      if (csv == NULL)
        {
          g_printerr ("Cannot write %s\n", csv_path);
          return 1;
        }
      csv_gen.db = NULL;
      if (!insert_customers (&csv_gen, csv, &error) || fclose (csv) != 0)
        {
          g_printerr ("Cannot write %s\n", csv_path);
          return 1;
        }
    }

  if (output)
    {
      store = rapport_store_open (output, &error);
      if (store == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g.db = rapport_database_get_handle (rapport_store_get_database (store));
      /* A bulk load of a new file: nothing to protect yet, so no journal and
       * no syncs until the end; the file goes back to WAL afterwards. */
      sqlite3_exec (g.db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                    " PRAGMA cache_size = -262144;", NULL, NULL, NULL);
      if (!run_in_transaction (&g, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      sqlite3_exec (g.db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", NULL, NULL, NULL);
      g_printerr ("%s: %u customers, %u calls, %u follow-ups (%u customers with open ones,"
                  " %u on the agenda of %s) in %.1f s\n",
                  output, g.n_customers, g.n_calls, g.n_follow_ups, g.n_open, g.agenda_size,
                  cal_iso (&g.cal, g_date_get_julian (&g.cal.today)),
                  (g_get_monotonic_time () - t0) / 1e6);
    }

  for (guint i = 0; i < g.n_customers; i++)
    customer_clear (&g.customers[i]);
  g_free (g.customers);
  g_free (g.role);
  g_strfreev (g.cal.day_iso);
  return 0;
}
