#include "core/embed/tfidf_svd.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/base/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

// Four topics, three sentences each, written for this test.
std::vector<std::string> Corpus() {
  return {
      // 0-2: an earthquake.
      "A magnitude 6.8 earthquake struck the coastal province before dawn.",
      "The quake toppled buildings across the coastal province, officials "
      "said.",
      "Rescuers searched collapsed buildings after the earthquake in the "
      "province.",
      // 3-5: interest rates.
      "The central bank raised interest rates by half a point on Thursday.",
      "Analysts expected the bank to raise rates again to curb inflation.",
      "Higher interest rates weighed on mortgage lenders, the bank noted.",
      // 6-8: a protest, with curly quotes and an en dash.
      "Thousands of protesters marched through the capital – chanting "
      "“no more cuts”.",
      "Police said the protesters marched peacefully to parliament.",
      "Organizers of the march in the capital counted far more protesters.",
      // 9-11: a football match, with non-breaking spaces.
      "The home side won the football final 3–1 after extra\u00a0time.",
      "Two late goals decided the final for the home side.",
      "Fans of the home side celebrated the football victory overnight.",
  };
}

float Cos(const Eigen::MatrixXf& m, int i, int j) {
  return m.row(i).dot(m.row(j));
}

TfidfSvdOptions SmallOptions() {
  TfidfSvdOptions o;
  o.dims = 8;
  return o;
}

TEST(TfidfSvdEmbedder, RelatedSentencesAreCloserThanUnrelated) {
  TfidfSvdEmbedder embedder(SmallOptions());
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m, embedder.FitEmbed(Corpus()));
  ASSERT_EQ(m.rows(), 12);
  EXPECT_EQ(embedder.dims(), 8);
  for (int topic = 0; topic < 4; ++topic) {
    const int a = 3 * topic;
    for (int other = 0; other < 12; ++other) {
      if (other / 3 == topic) continue;
      EXPECT_GT(Cos(m, a, a + 1), Cos(m, a, other))
          << "sentence " << a << " vs " << other;
      EXPECT_GT(Cos(m, a, a + 2), Cos(m, a, other))
          << "sentence " << a << " vs " << other;
    }
  }
}

TEST(TfidfSvdEmbedder, NewSentencesLandNearTheirTopic) {
  TfidfSvdEmbedder embedder(SmallOptions());
  ASSERT_OK(embedder.Fit(Corpus()));
  ASSERT_OK_AND_ASSIGN(
      Eigen::MatrixXf m,
      embedder.Embed({"Aftershocks shook the province as rescuers dug through "
                      "rubble.",
                      "Mortgage rates rose after the bank's decision.",
                      "The earthquake province quake"}));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf fitted, embedder.Embed(Corpus()));
  EXPECT_GT(m.row(0).dot(fitted.row(2)), m.row(0).dot(fitted.row(5)));
  EXPECT_GT(m.row(1).dot(fitted.row(5)), m.row(1).dot(fitted.row(2)));
  EXPECT_GT(m.row(2).dot(fitted.row(0)), 0.5f);
}

TEST(TfidfSvdEmbedder, CharacterNgramsMatchUnseenWordForms) {
  // "floodwaters" is never seen whole at Fit(); its n-grams are.
  TfidfSvdOptions options = SmallOptions();
  std::vector<std::string> corpus = Corpus();
  corpus.push_back("Flooding forced families from riverside homes.");
  corpus.push_back("The flood waters reached the riverside homes.");
  TfidfSvdEmbedder with_ngrams(options);
  ASSERT_OK(with_ngrams.Fit(corpus));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m,
                       with_ngrams.Embed({"Floodwaters receded."}));
  EXPECT_NEAR(m.row(0).norm(), 1.0f, 1e-5);

  options.max_char_ngram = 0;  // words only: nothing known
  TfidfSvdEmbedder words_only(options);
  ASSERT_OK(words_only.Fit(corpus));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf w,
                       words_only.Embed({"Floodwaters receded."}));
  EXPECT_EQ(w.row(0).norm(), 0.0f);
}

TEST(TfidfSvdEmbedder, RowsAreUnitOrZero) {
  TfidfSvdEmbedder embedder(SmallOptions());
  ASSERT_OK(embedder.Fit(Corpus()));
  ASSERT_OK_AND_ASSIGN(
      Eigen::MatrixXf m,
      embedder.Embed({"", "1234 56.", "the of and", "Qxj",
                      "Protesters marched.", "Invalid \xff\xfe bytes quake"}));
  EXPECT_EQ(m.row(0).norm(), 0.0f);  // empty
  EXPECT_EQ(m.row(1).norm(), 0.0f);  // numbers only
  EXPECT_EQ(m.row(2).norm(), 0.0f);  // stop words only
  EXPECT_EQ(m.row(3).norm(), 0.0f);  // nothing seen at Fit()
  EXPECT_NEAR(m.row(4).norm(), 1.0f, 1e-5);
  EXPECT_NEAR(m.row(5).norm(), 1.0f, 1e-5);
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf fitted, embedder.Embed(Corpus()));
  for (int i = 0; i < fitted.rows(); ++i) {
    EXPECT_NEAR(fitted.row(i).norm(), 1.0f, 1e-5) << i;
  }
}

TEST(TfidfSvdEmbedder, Deterministic) {
  TfidfSvdEmbedder a(SmallOptions()), b(SmallOptions());
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf ma, a.FitEmbed(Corpus()));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf mb, b.FitEmbed(Corpus()));
  EXPECT_TRUE(ma == mb);
  // FitEmbed() is Fit() then Embed(), bit for bit.
  ASSERT_OK(b.Fit(Corpus()));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf again, b.Embed(Corpus()));
  EXPECT_TRUE(ma == again);
}

TEST(TfidfSvdEmbedder, IndependentOfThreadCount) {
  // Enough generated sentences for the work to be split.
  std::vector<std::string> corpus;
  const char* words[] = {"harbor",  "storm",  "budget", "senate",  "wildfire",
                         "vaccine", "strike", "tariff", "rescue",  "ballot",
                         "drought", "merger", "convoy", "glacier", "verdict"};
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    for (int j = 0; j < 6; ++j) {
      s += words[(i * 7 + j * j * 3 + i / 5) % 15];
      s += j == 5 ? "." : " ";
    }
    corpus.push_back(s);
  }
  TfidfSvdOptions options = SmallOptions();
  options.num_threads = 1;
  TfidfSvdEmbedder one(options);
  options.num_threads = 4;
  TfidfSvdEmbedder four(options);
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m1, one.FitEmbed(corpus));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m4, four.FitEmbed(corpus));
  EXPECT_TRUE(m1 == m4);
}

TEST(TfidfSvdEmbedder, FewerSentencesThanDimsUsesFewerDims) {
  TfidfSvdEmbedder embedder;  // 128 dims wanted
  ASSERT_OK_AND_ASSIGN(
      Eigen::MatrixXf m,
      embedder.FitEmbed({"Floods hit the valley.", "Storms hit the coast.",
                         "Markets fell sharply."}));
  EXPECT_LE(embedder.dims(), 3);
  EXPECT_GE(embedder.dims(), 2);
  EXPECT_EQ(m.cols(), embedder.dims());
  EXPECT_EQ(m.rows(), 3);
  EXPECT_GT(m.row(0).dot(m.row(1)), m.row(0).dot(m.row(2)));
}

TEST(TfidfSvdEmbedder, EmptyCorpusGivesZeroDims) {
  TfidfSvdEmbedder embedder;
  ASSERT_OK(embedder.Fit({}));
  EXPECT_EQ(embedder.dims(), 0);
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m, embedder.Embed({"Anything.", "x"}));
  EXPECT_EQ(m.rows(), 2);
  EXPECT_EQ(m.cols(), 0);
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf n, embedder.FitEmbed({"", "42"}));
  EXPECT_EQ(n.rows(), 2);
  EXPECT_EQ(n.cols(), 0);
}

TEST(TfidfSvdEmbedder, RejectsBadOptions) {
  TfidfSvdOptions o;
  o.dims = 0;
  EXPECT_THAT(TfidfSvdEmbedder(o).Fit(Corpus()),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument, "dims"));
  o = TfidfSvdOptions();
  o.min_char_ngram = 6;
  EXPECT_THAT(
      TfidfSvdEmbedder(o).Fit(Corpus()),
      StatusIsWithMessage(absl::StatusCode::kInvalidArgument, "n-gram"));
  o = TfidfSvdOptions();
  o.hash_bits = 40;
  EXPECT_THAT(TfidfSvdEmbedder(o).Fit(Corpus()),
              StatusIs(absl::StatusCode::kInvalidArgument));
  o = TfidfSvdOptions();
  o.word_weight = 1.5f;
  EXPECT_THAT(TfidfSvdEmbedder(o).Fit(Corpus()),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

// --- Model storage ---------------------------------------------------------

// Sentences for embedding after a fit: fitted ones, unseen words and word
// forms, Unicode, invalid UTF-8, nothing known.
std::vector<std::string> ProbeSentences() {
  std::vector<std::string> probes = Corpus();
  probes.push_back("Aftershocks rattled the coastal province overnight.");
  probes.push_back("Floodwaters swamped zqxvw glarbing villages.");
  probes.push_back("Lenders “warned” of higher mortgage costs – again.");
  probes.push_back("Invalid \xff\xfe bytes quake");
  probes.push_back("Qxj");
  probes.push_back("");
  return probes;
}

// A small model: few sentences, 2^10 buckets.
std::unique_ptr<TfidfSvdEmbedder> SmallModel() {
  TfidfSvdOptions o;
  o.dims = 3;
  o.hash_bits = 10;
  auto e = std::make_unique<TfidfSvdEmbedder>(o);
  EXPECT_OK(
      e->Fit({"Floods hit the valley towns.", "Storms hit the coast.",
              "Markets fell sharply on Monday.", "The valley flooded again."}));
  return e;
}

// The documented framing (tfidf_svd.h), written independently of the
// implementation: magic, version, payload size, payload, FNV-1a 64.
void PutU32(std::string* s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s->push_back(static_cast<char>(v >> (8 * i)));
}
void PutU64(std::string* s, uint64_t v) {
  for (int i = 0; i < 8; ++i) s->push_back(static_cast<char>(v >> (8 * i)));
}
void PutF32(std::string* s, float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  PutU32(s, u);
}
std::string Frame(const std::string& payload, uint32_t version = 1) {
  std::string s("FDTFSVD\0", 8);
  PutU32(&s, version);
  PutU64(&s, payload.size());
  s += payload;
  uint64_t h = 0xcbf29ce484222325ull;
  for (char c : payload) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  PutU64(&s, h);
  return s;
}
constexpr size_t kHeader = 20;
std::string PayloadOf(const std::string& blob) {
  return blob.substr(kHeader, blob.size() - kHeader - 8);
}
// Options payload: dims, n-grams off (words only), hash bits 10.
std::string WordsOnlyOptions(int dims) {
  std::string p;
  PutU32(&p, dims);
  PutU32(&p, 3);
  PutU32(&p, 0);
  PutU32(&p, 10);
  PutF32(&p, 0.5f);
  PutU32(&p, 2);
  PutU32(&p, 10);
  PutU64(&p, 7);
  return p;
}

TEST(TfidfSvdModel, RoundTripEmbedsBitIdentically) {
  TfidfSvdEmbedder original(SmallOptions());
  ASSERT_OK(original.Fit(Corpus()));
  const std::string blob = original.SerializeModel();
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<TfidfSvdEmbedder> restored,
                       TfidfSvdEmbedder::DeserializeModel(blob));
  EXPECT_EQ(restored->dims(), original.dims());
  EXPECT_EQ(restored->num_features(), original.num_features());
  EXPECT_TRUE(restored->singular_values() == original.singular_values());
  EXPECT_EQ(restored->options().dims, 8);
  EXPECT_EQ(restored->options().hash_bits, original.options().hash_bits);
  EXPECT_EQ(restored->options().seed, original.options().seed);
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf want, original.Embed(ProbeSentences()));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf got, restored->Embed(ProbeSentences()));
  ASSERT_EQ(got.rows(), want.rows());
  ASSERT_EQ(got.cols(), 8);
  EXPECT_TRUE(got == want);
  // Unseen words still meet fitted ones through their n-grams.
  EXPECT_NEAR(got.row(13).norm(), 1.0f, 1e-5);
  EXPECT_EQ(got.row(16).norm(), 0.0f);
  // Serializing the restored model gives the same bytes.
  EXPECT_EQ(restored->SerializeModel(), blob);
  // Refitting the restored model reproduces the original fit.
  ASSERT_OK(restored->Fit(Corpus()));
  EXPECT_EQ(restored->SerializeModel(), blob);
}

TEST(TfidfSvdModel, RoundTripWordsOnly) {
  TfidfSvdOptions o = SmallOptions();
  o.max_char_ngram = 0;
  o.word_weight = 0.3f;
  TfidfSvdEmbedder original(o);
  ASSERT_OK(original.Fit(Corpus()));
  ASSERT_OK_AND_ASSIGN(auto restored, TfidfSvdEmbedder::DeserializeModel(
                                          original.SerializeModel()));
  EXPECT_EQ(restored->options().max_char_ngram, 0);
  EXPECT_EQ(restored->options().word_weight, 0.3f);
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf want, original.Embed(ProbeSentences()));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf got, restored->Embed(ProbeSentences()));
  EXPECT_TRUE(got == want);
}

TEST(TfidfSvdModel, SameFitSameBytes) {
  TfidfSvdEmbedder a(SmallOptions()), b(SmallOptions());
  ASSERT_OK(a.Fit(Corpus()));
  ASSERT_OK(b.Fit(Corpus()));
  EXPECT_EQ(a.SerializeModel(), b.SerializeModel());
  TfidfSvdEmbedder c(SmallOptions());
  ASSERT_OK(c.Fit({"Markets fell sharply on Monday."}));
  EXPECT_NE(a.SerializeModel(), c.SerializeModel());
}

TEST(TfidfSvdModel, OnlyUsedBucketsAreStored) {
  TfidfSvdEmbedder e(SmallOptions());  // 2^18 buckets: a 1 MiB dense map
  ASSERT_OK(e.Fit(Corpus()));
  const size_t k = e.dims(), f = e.num_features();
  // Everything but the words and the bucket ids: header, options, counts,
  // idf, singular values, basis, checksum.
  const size_t fixed = 20 + 36 + 4 + 4 + 4 * f + 4 + 4 * k + 4 * f * k + 8;
  const std::string blob = e.SerializeModel();
  EXPECT_GT(blob.size(), fixed + 4 * f);  // each feature costs >= 4 bytes
  EXPECT_LT(blob.size(), fixed + 20 * f);
  EXPECT_LT(blob.size(), size_t{1} << 18);
}

TEST(TfidfSvdModel, UnfittedRestoresUnfitted) {
  TfidfSvdOptions o = SmallOptions();
  o.hash_bits = 12;
  TfidfSvdEmbedder never_fitted(o);
  ASSERT_OK_AND_ASSIGN(auto restored, TfidfSvdEmbedder::DeserializeModel(
                                          never_fitted.SerializeModel()));
  EXPECT_EQ(restored->dims(), 0);
  EXPECT_EQ(restored->num_features(), 0u);
  EXPECT_EQ(restored->options().hash_bits, 12);
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m, restored->Embed({"Anything.", ""}));
  EXPECT_EQ(m.rows(), 2);
  EXPECT_EQ(m.cols(), 0);
  // Invalid options are kept as they were, not checked, while unfitted.
  o.dims = 0;
  ASSERT_OK_AND_ASSIGN(auto bad, TfidfSvdEmbedder::DeserializeModel(
                                     TfidfSvdEmbedder(o).SerializeModel()));
  EXPECT_EQ(bad->options().dims, 0);
  EXPECT_THAT(bad->Fit(Corpus()), StatusIs(absl::StatusCode::kInvalidArgument));
  // Fitted on an empty corpus: also dims 0.
  TfidfSvdEmbedder empty;
  ASSERT_OK(empty.Fit({}));
  ASSERT_OK_AND_ASSIGN(auto restored_empty, TfidfSvdEmbedder::DeserializeModel(
                                                empty.SerializeModel()));
  EXPECT_EQ(restored_empty->dims(), 0);
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf n, restored_empty->Embed({"x"}));
  EXPECT_EQ(n.cols(), 0);
}

TEST(TfidfSvdModel, ReadsTheDocumentedFormat) {
  // Written by hand: words "flood" (column 0) and "market" (column 1), no
  // buckets, k = 1 with V_k = [1, 0]^T.
  std::string p = WordsOnlyOptions(4);
  PutU32(&p, 2);
  PutU32(&p, 5);
  p += "flood";
  PutU32(&p, 6);
  p += "market";
  PutU32(&p, 0);     // buckets
  PutF32(&p, 1.5f);  // idf
  PutF32(&p, 2.0f);
  PutU32(&p, 1);     // k
  PutF32(&p, 3.0f);  // singular value
  PutF32(&p, 1.0f);  // V_k row 0
  PutF32(&p, 0.0f);  // V_k row 1
  ASSERT_OK_AND_ASSIGN(auto model,
                       TfidfSvdEmbedder::DeserializeModel(Frame(p)));
  EXPECT_EQ(model->dims(), 1);
  EXPECT_EQ(model->num_features(), 2u);
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m,
                       model->Embed({"Flood.", "Market.", "Drought."}));
  EXPECT_EQ(m(0, 0), 1.0f);
  EXPECT_EQ(m(1, 0), 0.0f);  // projects onto nothing
  EXPECT_EQ(m(2, 0), 0.0f);  // unknown word
  EXPECT_EQ(model->SerializeModel(), Frame(p));
}

TEST(TfidfSvdModel, EveryTruncationIsDataLoss) {
  const std::string blob = SmallModel()->SerializeModel();
  for (size_t n = 0; n < blob.size(); ++n) {
    EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel(blob.substr(0, n)),
                StatusIsWithMessage(absl::StatusCode::kDataLoss,
                                    "embedding model: truncated at byte"))
        << "prefix of " << n << " bytes";
  }
  EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel(blob.substr(0, 100)),
              StatusIsWithMessage(absl::StatusCode::kDataLoss,
                                  "truncated at byte 100"));
}

TEST(TfidfSvdModel, EveryTruncatedPayloadWithValidChecksumFails) {
  // A payload cut short but framed and checksummed anew: the parser itself
  // must catch it at every length.
  const std::string payload = PayloadOf(SmallModel()->SerializeModel());
  for (size_t n = 0; n < payload.size(); ++n) {
    EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel(Frame(payload.substr(0, n))),
                StatusIs(absl::StatusCode::kDataLoss))
        << "payload of " << n << " bytes";
  }
  EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel(Frame(payload + "x")),
              StatusIsWithMessage(absl::StatusCode::kDataLoss, "unused"));
}

TEST(TfidfSvdModel, FlippedBytesAreCaught) {
  const std::string blob = SmallModel()->SerializeModel();
  for (size_t i = 0; i < blob.size(); ++i) {
    std::string bad = blob;
    bad[i] ^= 0x5a;
    const absl::Status status =
        TfidfSvdEmbedder::DeserializeModel(bad).status();
    EXPECT_FALSE(status.ok()) << "byte " << i;
    if (i >= kHeader) {  // payload and checksum
      EXPECT_THAT(status, StatusIsWithMessage(absl::StatusCode::kDataLoss,
                                              "checksum mismatch"))
          << "byte " << i;
    }
  }
}

TEST(TfidfSvdModel, WrongMagicOrFutureVersionIsInvalidArgument) {
  std::string blob = SmallModel()->SerializeModel();
  std::string bad = blob;
  bad[0] = 'X';
  EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel(bad),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument, "magic"));
  EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel("SQLite format 3"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel("X"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  const std::string payload = PayloadOf(blob);
  EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel(Frame(payload, 2)),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "format version 2 is newer"));
  EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel(Frame(payload, 0)),
              StatusIs(absl::StatusCode::kDataLoss));
  ASSERT_OK(TfidfSvdEmbedder::DeserializeModel(Frame(payload, 1)).status());
  EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel(blob + "tail"),
              StatusIsWithMessage(absl::StatusCode::kDataLoss,
                                  "4 unexpected bytes after the checksum"));
}

TEST(TfidfSvdModel, RejectsInconsistentModels) {
  auto words = [](const std::vector<std::string>& ws) {
    std::string p = WordsOnlyOptions(4);
    PutU32(&p, ws.size());
    for (const std::string& w : ws) {
      PutU32(&p, w.size());
      p += w;
    }
    return p;
  };
  // Same word twice.
  std::string p = words({"flood", "flood"});
  PutU32(&p, 0);
  PutF32(&p, 1.0f);
  PutF32(&p, 1.0f);
  PutU32(&p, 0);
  EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel(Frame(p)),
              StatusIsWithMessage(absl::StatusCode::kDataLoss, "repeats"));
  // Not-a-number idf.
  p = words({"flood"});
  PutU32(&p, 0);
  PutF32(&p, std::nanf(""));
  PutU32(&p, 0);
  EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel(Frame(p)),
              StatusIsWithMessage(absl::StatusCode::kDataLoss, "idf"));
  // Buckets stored while n-grams are off.
  p = words({"flood"});
  PutU32(&p, 1);
  PutU32(&p, 3);
  PutF32(&p, 1.0f);
  PutF32(&p, 1.0f);
  PutU32(&p, 0);
  EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel(Frame(p)),
              StatusIsWithMessage(absl::StatusCode::kDataLoss, "n-grams"));
  // More dimensions than features.
  p = words({"flood"});
  PutU32(&p, 0);
  PutF32(&p, 1.0f);
  PutU32(&p, 2);
  PutF32(&p, 2.0f);
  PutF32(&p, 1.0f);
  PutF32(&p, 1.0f);
  PutF32(&p, 0.0f);
  EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel(Frame(p)),
              StatusIsWithMessage(absl::StatusCode::kDataLoss, "dimension 2"));
  // A huge claimed word count does not allocate or crash.
  p = WordsOnlyOptions(4);
  PutU32(&p, 0xffffffffu);
  EXPECT_THAT(TfidfSvdEmbedder::DeserializeModel(Frame(p)),
              StatusIsWithMessage(absl::StatusCode::kDataLoss, "truncated"));
}

}  // namespace
}  // namespace factdiff
