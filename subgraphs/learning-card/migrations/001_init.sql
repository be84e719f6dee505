-- Tomorrow Learning Card (국민내일배움카드): the training course catalogue, the cards issued to
-- persons, and the enrollments charged to them. Person ids are pseudonymous (P + 8 digits).
create table if not exists learning_card.courses (
  id text primary key,
  title text not null,
  provider text not null,
  industry text not null,
  hours integer not null check (hours between 40 and 600),
  tuition integer not null check (tuition > 0),
  key_industry boolean not null,
  placement_rate integer not null check (placement_rate between 0 and 100),
  starts_on date not null
);

create index if not exists courses_industry_idx on learning_card.courses (industry, id);

-- One card per person (reissue is not modelled): validity 5 years from issue.
create table if not exists learning_card.cards (
  id text primary key,
  person_id text not null unique,
  issued_on date not null,
  expires_on date not null,
  grant_total integer not null check (grant_total > 0),
  status text not null check (status in ('ACTIVE', 'EXPIRED', 'SUSPENDED')),
  check (expires_on > issued_on)
);

-- person_id is repeated from the card so a person's enrollments load in one statement.
create table if not exists learning_card.enrollments (
  id text primary key,
  card_id text not null references learning_card.cards (id),
  person_id text not null,
  course_id text not null references learning_card.courses (id),
  enrolled_on date not null,
  completed_on date,
  status text not null check (status in ('ENROLLED', 'COMPLETED', 'DROPPED')),
  attendance_rate integer not null check (attendance_rate between 0 and 100),
  tuition integer not null check (tuition >= 0),
  self_payment integer not null check (self_payment between 0 and tuition),
  card_charge integer not null check (card_charge = tuition - self_payment),
  check (completed_on is null or completed_on > enrolled_on),
  check ((status = 'COMPLETED') = (completed_on is not null))
);

create index if not exists enrollments_person_idx on learning_card.enrollments (person_id, enrolled_on desc);
create index if not exists enrollments_card_idx on learning_card.enrollments (card_id);
